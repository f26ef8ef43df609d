import { useTranslation } from 'react-i18next';
import { Icon } from '../shell/icons.tsx';

/** "Restricted": a lock and the word, so it never relies on colour alone. */
export function RestrictedBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="restricted-badge" title={t('ui.notes.restrictedBadgeHelp')}>
      <Icon name="lock" size={14} />
      <span>{label ?? t('ui.notes.restrictedBadge')}</span>
    </span>
  );
}
