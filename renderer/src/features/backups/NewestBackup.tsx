import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupIsStale, type BackupOverview } from '../../../../shared/backup.ts';
import { Alert } from '../../components/Alert.tsx';
import { failureText, formatDateTime, timeAgo } from './format.ts';

/** How old the newest backup is, a warning past the vault's limit, and a failed automatic one. */
export function NewestBackup({ overview }: { overview: BackupOverview }) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => new Date());
  const { reminder, settings } = overview;
  const k = 'ui.backups.newest';
  const stale = backupIsStale({ ...reminder, warnDays: settings.warnDays }, now);
  return (
    <section className="panel backups__section" aria-labelledby="backups-newest">
      <h2 id="backups-newest">{t(`${k}.title`)}</h2>
      {reminder.lastAt === null ? (
        <Alert tone="warning" live={false}>
          {t(`${k}.none`)}
          <span className="alert__detail">{t(`${k}.noneAdvice`)}</span>
        </Alert>
      ) : (
        <>
          <p className="backups__newest">
            {t(`${k}.at`, {
              ago: timeAgo(t, reminder.lastAt, now, i18n.language),
              date: formatDateTime(reminder.lastAt, i18n.language),
            })}
          </p>
          {stale ? (
            <Alert tone="warning" live={false}>
              {t(`${k}.stale`, { count: settings.warnDays })}
            </Alert>
          ) : null}
        </>
      )}
      {reminder.lastFailure ? (
        <Alert tone="warning" live={false}>
          {failureText(t, reminder.lastFailure)}
        </Alert>
      ) : null}
    </section>
  );
}
