import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.tsx';
import { CenteredScreen } from '../components/CenteredScreen.tsx';
import { useLock, useVaultStatus } from './queries.ts';

function AppFailure({ error }: FallbackProps) {
  const { t } = useTranslation();
  const status = useVaultStatus();
  const lock = useLock();
  const unlocked = status.data?.state === 'unlocked';
  return (
    <CenteredScreen title={t('ui.shell.failure.appTitle')}>
      <p>{t(unlocked ? 'ui.shell.failure.appBodyUnlocked' : 'ui.shell.failure.appBody')}</p>
      <details>
        <summary>{t('ui.shell.failure.details')}</summary>
        <code>{error instanceof Error ? error.message : String(error)}</code>
      </details>
      <div className="actions">
        {unlocked ? (
          <Button
            variant="primary"
            onPress={() => {
              lock.mutate('manual');
            }}
            isDisabled={lock.isPending}
          >
            {t('ui.shell.lock')}
          </Button>
        ) : (
          <Button
            variant="primary"
            onPress={() => {
              window.location.reload();
            }}
          >
            {t('ui.shell.failure.startAgain')}
          </Button>
        )}
      </div>
    </CenteredScreen>
  );
}

/**
 * The last line: whatever throws below it, the window keeps a way to lock. App stays mounted
 * above this boundary, so the lock shortcut and main's "vault locked" event keep working too.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary FallbackComponent={AppFailure}>{children}</ErrorBoundary>;
}
