/**
 * Restoring a verified backup into a vault file: never over an existing file unless the user
 * confirmed it (the replaced file is kept as FILE.1); the session's handler also refuses the
 * open vault. The restored vault has the backup's keyslots, so the secret that opened the backup opens it;
 * it records that it was restored, and from which backup, so it can say so when it opens.
 */
import { appendAuditEvent } from '../../repos/audit-events.ts';
import { setSetting } from '../../repos/settings.ts';
import { migrate } from '../../db/migrate.ts';
import { Vault, type VaultOptions } from '../../vault/vault.ts';
import type { OpenedBackup } from './backup-file.ts';
import { BACKUP_RESTORED_ACTION, SETTING_RESTORED_FROM } from './backup-settings.ts';

export interface RestoreRequest {
  destination: string;
  /** The user confirmed replacing an existing file (the CLI never does). */
  replaceExisting: boolean;
  now: Date;
}

/** Writes the restored vault and returns it unlocked. `opened` is consumed only on success. */
export async function restoreBackup(
  opened: OpenedBackup & { recorded?: boolean },
  request: RestoreRequest,
  options: VaultOptions = {},
): Promise<Vault> {
  const { destination } = request;
  if (!opened.recorded) {
    // Recorded once, even if the first place chosen turns out full or read-only.
    migrate(opened.db, destination);
    const restoredFrom = {
      backupCreatedAt: opened.report.createdAt,
      backupAppVersion: opened.report.appVersion,
      restoredAt: request.now.toISOString(),
    };
    setSetting(opened.db, SETTING_RESTORED_FROM, JSON.stringify(restoredFrom), request.now);
    appendAuditEvent(
      opened.db,
      { action: BACKUP_RESTORED_ACTION, detail: restoredFrom },
      request.now,
    );
    opened.recorded = true;
  }
  return Vault.adopt(
    destination,
    {
      db: opened.db,
      masterKey: opened.masterKey,
      slots: opened.slots,
      chunkSize: opened.chunkSize,
    },
    options,
    request.replaceExisting,
  );
}
