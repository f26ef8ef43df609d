import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';

/** Placeholder: being built. */
export function AgenciesArea() {
  const { t } = useTranslation();
  return <ScreenTitle>{t('ui.shell.areas.agencies')}</ScreenTitle>;
}
