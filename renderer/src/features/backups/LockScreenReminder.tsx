import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupAgeDays, backupIsStale, type BackupReminder } from '../../../../shared/backup.ts';
import { Alert } from '../../components/Alert.tsx';
import { failureText, timeAgo } from './format.ts';

/**
 * The lock screen's word on backups (known before unlocking): how old the newest one is, a
 * warning when there is none or it is older than the vault's limit, and a failed automatic
 * backup. Not announced: it is there when the screen opens, read with it.
 */
export function LockScreenReminder({
  reminder,
  writing,
}: {
  reminder: BackupReminder;
  writing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => new Date());
  const k = 'ui.backups.lockScreen';
  const age = backupAgeDays(reminder.lastAt, now);
  if (writing)
    return (
      <Alert tone="info" live={false}>
        {t(`${k}.writing`)}
      </Alert>
    );
  return (
    <>
      {reminder.lastAt === null || age === null ? (
        <Alert tone="warning" live={false}>
          {t(`${k}.none`)}
        </Alert>
      ) : backupIsStale(reminder, now) ? (
        <Alert tone="warning" live={false}>
          {t(`${k}.stale`, { count: age })}
        </Alert>
      ) : (
        <Alert tone="info" live={false}>
          {t(`${k}.newest`, { ago: timeAgo(t, reminder.lastAt, now, i18n.language) })}
        </Alert>
      )}
      {reminder.lastFailure ? (
        <Alert tone="warning" live={false}>
          {failureText(t, reminder.lastFailure)}
        </Alert>
      ) : null}
    </>
  );
}
