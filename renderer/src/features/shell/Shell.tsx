import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { useLock } from '../../app/queries.ts';
import { isMac } from '../../app/shortcuts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { Logo } from '../../components/Logo.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { SettingsArea } from '../settings/SettingsArea.tsx';
import { AREAS, type Area } from './areas.ts';
import { Icon } from './icons.tsx';
import { PlaceholderAreaView } from './PlaceholderArea.tsx';

/** The unlocked app: the areas on the left, the lock button always in sight. */
export function Shell({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lock = useLock();
  const [area, setArea] = useState<Area>('people');
  const [showAttempts, setShowAttempts] = useState(status.failedAttemptsBeforeUnlock > 0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [area]);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <span className="brand__name">{t('ui.common.appName')}</span>
        </div>
        <nav aria-label={t('ui.shell.navigation')} className="nav">
          <ul>
            {AREAS.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className="nav__item"
                  aria-current={item === area ? 'page' : undefined}
                  onClick={() => {
                    setArea(item);
                  }}
                >
                  <Icon name={item} />
                  <span>{t(`ui.shell.areas.${item}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar__footer">
          <Button
            variant="primary"
            className="lock-button"
            onPress={() => {
              lock.mutate('manual');
            }}
            isDisabled={lock.isPending}
            aria-keyshortcuts={isMac() ? 'Meta+Shift+L' : 'Control+Shift+L'}
          >
            <Icon name="lock" />
            <span>{t('ui.shell.lock')}</span>
          </Button>
          <p className="lock-shortcut" aria-hidden="true">
            <kbd>{isMac() ? t('ui.shell.lockShortcutMac') : t('ui.shell.lockShortcut')}</kbd>
          </p>
          <LanguageSwitcher tone="dark" />
        </div>
      </aside>
      <main className="main">
        {lock.isError ? <Alert tone="error">{errorText(lock.error)}</Alert> : null}
        {showAttempts ? (
          <Alert
            tone="warning"
            actions={
              <Button
                variant="quiet"
                onPress={() => {
                  setShowAttempts(false);
                }}
              >
                {t('ui.common.dismiss')}
              </Button>
            }
          >
            {t('ui.shell.failedAttempts', { count: status.failedAttemptsBeforeUnlock })}
          </Alert>
        ) : null}
        <h1 ref={heading} tabIndex={-1} className="main__title">
          {t(`ui.shell.areas.${area}`)}
        </h1>
        {area === 'settings' ? (
          <SettingsArea status={status} />
        ) : (
          <PlaceholderAreaView area={area} />
        )}
      </main>
    </div>
  );
}
