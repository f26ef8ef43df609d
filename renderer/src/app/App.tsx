// First: the features' styles go before the global ones (stylesheet.ts says why).
import './stylesheet.ts';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx';
import { AppBoundary } from './AppBoundary.tsx';
import { useLock, useVaultStatus } from './queries.ts';
import { resetAfterLock } from './session.ts';
import { useLockShortcut } from './shortcuts.ts';

// The unlock screen is in the first chunk; everything behind it (the shell and its areas) and
// the one-time create-vault screen are loaded when they are first shown, so the lock screen
// does not wait for the map's graph library or the charts (vite.config.ts caps chunk sizes).
const Shell = lazy(() =>
  import('../features/shell/Shell.tsx').then((module) => ({ default: module.Shell })),
);
const CreateVaultScreen = lazy(() =>
  import('../features/create-vault/CreateVaultScreen.tsx').then((module) => ({
    default: module.CreateVaultScreen,
  })),
);

/** Shown while the app starts and while a screen's code loads (a moment, from local files). */
function Splash() {
  return <div className="splash" aria-busy="true" />;
}

/**
 * The screen follows the vault: no vault yet → create one; a vault to open → unlock; open →
 * the shell. The user can also choose to create a new vault or open another from those screens.
 */
export function App() {
  const status = useVaultStatus();
  const lock = useLock();
  const [wish, setWish] = useState<'create' | 'open' | null>(null);
  const state = status.data?.state;

  const lockNow = useCallback(() => {
    if (state === 'unlocked') lock.mutate('shortcut');
  }, [lock, state]);
  useLockShortcut(lockNow);

  // Main locks on idle, suspend and screen lock, and tells the page: wipe it.
  useEffect(
    () =>
      window.confidant.events.onVaultLocked(() => {
        resetAfterLock();
      }),
    [],
  );

  if (!status.data) return <Splash />;
  let screen;
  if (state === 'unlocked') screen = <Shell status={status.data} />;
  else if (wish === 'create' || (state === 'no-vault' && wish !== 'open')) {
    screen = (
      <CreateVaultScreen
        onOpenExisting={() => {
          setWish('open');
        }}
      />
    );
  } else {
    screen = (
      <UnlockScreen
        status={status.data}
        onCreateNew={() => {
          setWish('create');
        }}
      />
    );
  }
  // Keyed by state: a failure on one screen does not follow the user to the next.
  // A screen whose code fails to load is caught there too (a damaged install).
  return (
    <AppBoundary key={state}>
      <Suspense fallback={<Splash />}>{screen}</Suspense>
    </AppBoundary>
  );
}
