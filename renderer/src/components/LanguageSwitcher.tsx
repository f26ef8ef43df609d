import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n/index.ts';
import { call } from '../lib/api.ts';
import { switchLanguage } from '../i18n/index.ts';
import type { Language } from '../../../shared/contract.ts';

/** English / Русский, switchable anywhere; main remembers the choice for the next start. */
export function LanguageSwitcher({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  const change = (keys: Set<Key>) => {
    const [language] = [...keys] as Language[];
    if (!language || language === i18n.language) return;
    void switchLanguage(language);
    void call('app:setLanguage', { language }).catch(() => undefined);
  };
  return (
    <ToggleButtonGroup
      aria-label={t('ui.common.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={new Set([i18n.language])}
      onSelectionChange={change}
      className={`segmented segmented--${tone}`}
    >
      {LANGUAGES.map((language) => (
        <ToggleButton key={language} id={language} className="segmented__item" lang={language}>
          {t(`ui.common.languages.${language}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
