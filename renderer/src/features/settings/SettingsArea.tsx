import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { AutoLockForm } from './AutoLockForm.tsx';
import { ChangePassphraseForm } from './ChangePassphraseForm.tsx';
import { ReviewIntervalsForm } from './ReviewIntervalsForm.tsx';
import { RekeyForm } from './RekeyForm.tsx';

export function SettingsArea({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <>
      <ScreenTitle>{t('ui.shell.areas.settings')}</ScreenTitle>
      <div className="settings">
        <section className="panel" aria-labelledby="settings-security">
          <h2 id="settings-security">{t('ui.settings.security')}</h2>
          <ChangePassphraseForm path={status.path ?? ''} />
          <RekeyForm path={status.path ?? ''} />
          <AutoLockForm />
          <ReviewIntervalsForm />
        </section>
        <section className="panel" aria-labelledby="settings-language">
          <h2 id="settings-language">{t('ui.common.language')}</h2>
          <p className="muted">{t('ui.settings.languageHelp')}</p>
          <LanguageSwitcher />
        </section>
        <section className="panel" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('ui.settings.about')}</h2>
          <dl className="facts">
            <dt>{t('ui.settings.file')}</dt>
            <dd className="mono">{status.path}</dd>
          </dl>
          <p className="muted">{t('ui.settings.version', { version: info.version })}</p>
        </section>
      </div>
    </>
  );
}
