/**
 * When the last backup was written, in words ("3 days ago") and as a date; a warning when
 * there is none yet or it is older than the vault's limit (Backups → Automatic backups).
 */
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/domain.ts';
import { daysBetween } from '../../../../shared/risk.ts';
import { formatDate } from '../people/format.ts';

/** "today", "yesterday", "3 days ago" in the user's language. */
export function daysAgo(days: number, language: string): string {
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-days, 'day');
}

export function LastBackup({
  at,
  today,
  warnDays,
}: {
  at: string | null;
  today: string;
  /** A backup older than this many days gets the warning. */
  warnDays: number;
}) {
  const { t, i18n } = useTranslation();
  const written = at === null ? null : new Date(at);
  if (written === null || Number.isNaN(written.getTime())) {
    return (
      <div className="risk-backup risk-backup--warning">
        <p className="risk-backup__line">{t('ui.riskDashboard.backup.never')}</p>
        <p className="risk-backup__advice">{t('ui.riskDashboard.backup.adviceNever')}</p>
      </div>
    );
  }
  const day = localDate(written);
  const age = Math.max(0, daysBetween(day, today));
  const stale = age > warnDays;
  return (
    <div className={`risk-backup${stale ? ' risk-backup--warning' : ''}`}>
      <p className="risk-backup__line">
        {t('ui.riskDashboard.backup.last', {
          ago: daysAgo(age, i18n.language),
          date: formatDate(day, i18n.language),
        })}
      </p>
      {stale ? (
        <p className="risk-backup__advice">
          {t('ui.backups.dashboard.adviceOld', { count: warnDays })}
        </p>
      ) : null}
    </div>
  );
}
