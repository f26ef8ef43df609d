import { useCallback, useEffect, useState } from 'react';
import { CreateVaultScreen } from '../features/create-vault/CreateVaultScreen.tsx';
import { Shell } from '../features/shell/Shell.tsx';
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx';
import { AppBoundary } from './AppBoundary.tsx';
import { useLock, useVaultStatus } from './queries.ts';
import { resetAfterLock } from './session.ts';
import { useLockShortcut } from './shortcuts.ts';

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

  if (!status.data) return <div className="splash" aria-busy="true" />;
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
  return <AppBoundary key={state}>{screen}</AppBoundary>;
}
