import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';

/** Placeholder: being built. */
export function PartnersArea() {
  const { t } = useTranslation();
  return <ScreenTitle>{t('ui.shell.areas.partners')}</ScreenTitle>;
}
