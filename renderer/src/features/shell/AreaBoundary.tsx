import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { AreaLoadError, retryFailedAreas } from './lazy-area.tsx';

function AreaFailure({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // An area whose code failed to load fails after its loading state, whose focused title
  // is gone with it: the failure's title takes the focus (never taken from elsewhere).
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      title.current?.focus();
  }, []);
  return (
    <section className="area-failure" aria-labelledby="area-failure-title">
      <h1 id="area-failure-title" tabIndex={-1} ref={title}>
        {t('ui.shell.failure.areaTitle')}
      </h1>
      <Alert
        tone="error"
        actions={
          <Button variant="primary" onPress={resetErrorBoundary}>
            {t('ui.shell.failure.reload')}
          </Button>
        }
      >
        <p>
          {t(
            error instanceof AreaLoadError
              ? 'ui.shell.failure.loadBody'
              : 'ui.shell.failure.areaBody',
          )}
        </p>
        <details>
          <summary>{t('ui.shell.failure.details')}</summary>
          <code>{error instanceof Error ? error.message : String(error)}</code>
        </details>
      </Alert>
    </section>
  );
}

/**
 * One area's failure stays in that area: it says what failed and offers to load the area again,
 * while the navigation, search and Lock around it keep working. Opening another area (a new
 * `route`) starts afresh; "reload" first drops the answers no screen is showing, so the area
 * asks the core again instead of rendering the same bad data, and gives an area whose code
 * failed to load a fresh try.
 */
export function AreaBoundary({ route, children }: { route: unknown; children: ReactNode }) {
  return (
    <ErrorBoundary
      FallbackComponent={AreaFailure}
      resetKeys={[route]}
      onReset={() => {
        retryFailedAreas();
        void queryClient.resetQueries({ type: 'inactive' });
      }}
    >
      {children}
    </ErrorBoundary>
  );
}

function PartFailure() {
  const { t } = useTranslation();
  return <p className="part-failure muted">{t('ui.shell.failure.part')}</p>;
}

/** A small part around the areas (search box, reminders, the quick note): its failure is local. */
export function PartBoundary({
  children,
  silent = false,
}: {
  children: ReactNode;
  silent?: boolean;
}) {
  return (
    <ErrorBoundary fallbackRender={() => (silent ? null : <PartFailure />)}>
      {children}
    </ErrorBoundary>
  );
}
