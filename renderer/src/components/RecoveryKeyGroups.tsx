import { useTranslation } from 'react-i18next';

/** A recovery key as nine numbered groups of four, each spelled out for screen readers. */
export function RecoveryKeyGroups({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  return (
    <ol className="recovery-key" aria-label={t('ui.recovery.keyLabel')}>
      {recoveryKey.split('-').map((group, index) => (
        <li key={index} className="recovery-key__group">
          <span className="recovery-key__number" aria-hidden="true">
            {index + 1}
          </span>
          <span
            className="recovery-key__text mono"
            aria-label={`${t('ui.recovery.group', { n: index + 1 })}: ${group.split('').join(' ')}`}
          >
            {group}
          </span>
        </li>
      ))}
    </ol>
  );
}
