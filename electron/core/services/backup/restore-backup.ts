/**
 * Restoring a verified backup into a vault: a new folder at the destination, or — only when
 * the user confirmed replacing what is there — a new folder put in its place while the old
 * one is kept aside under a free name (`NAME.before-restore`), never deleted. The restored
 * vault has the backup's keyslots, so the secret that opened the backup opens it; it records
 * that it was restored, and from which backup, so it can say so when it opens. A backup of a
 * format-2 vault brings its SQLCipher file, which is copied page for page; a format-1 image is
 * copied row by row by the code that upgrades a format-1 vault (vault/image-to-vault.ts).
 */
import { randomFillSync } from 'node:crypto';
import { DB_SALT_BYTES } from '../../crypto/keyslot-file.ts';
import { migrate } from '../../db/migrate.ts';
import { checkpointDatabase } from '../../db/open-database.ts';
import { fromFsError, VaultError } from '../../errors.ts';
import { appendAuditEvent } from '../../repos/audit-events.ts';
import { SETTING_RESTORED_FROM, setSetting } from '../../repos/settings.ts';
import { buildVaultFolder } from '../../vault/build-vault.ts';
import { nodeFs } from '../../vault/fs-port.ts';
import { copyDatabaseFileInto, copyDatabaseInto } from '../../vault/image-to-vault.ts';
import { buildingPath, parentOf } from '../../vault/layout.ts';
import { Vault, type VaultOptions } from '../../vault/vault.ts';
import type { OpenedBackup } from './backup-file.ts';
import { BACKUP_RESTORED_ACTION } from './backup-settings.ts';

export interface RestoreRequest {
  destination: string;
  /** The user confirmed replacing what is at the destination (the CLI never does). */
  replaceExisting: boolean;
  now: Date;
}

/** Writes the restored vault and returns it unlocked. `opened` is consumed only on success. */
export async function restoreBackup(
  opened: OpenedBackup & { recorded?: boolean },
  request: RestoreRequest,
  options: VaultOptions = {},
): Promise<Vault> {
  const fs = options.fs ?? nodeFs;
  const { destination } = request;
  const existing = (await fs.kindOf(destination).catch(() => null)) !== null;
  if (existing && !request.replaceExisting)
    throw new VaultError('FILE_EXISTS', { file: destination });
  if (!opened.recorded) {
    // Recorded once, even if the first place chosen turns out full or read-only.
    migrate(opened.db, destination);
    const restoredFrom = {
      backupCreatedAt: opened.report.createdAt,
      backupAppVersion: opened.report.appVersion,
      restoredAt: request.now.toISOString(),
    };
    opened.db.transaction(() => {
      setSetting(opened.db, SETTING_RESTORED_FROM, JSON.stringify(restoredFrom), request.now);
      appendAuditEvent(
        opened.db,
        { action: BACKUP_RESTORED_ACTION, detail: restoredFrom },
        request.now,
      );
    })();
    opened.recorded = true;
  }
  const target = existing ? buildingPath(destination, 'restoring') : destination;
  if (existing) await fs.removeFolder(target).catch(() => undefined);
  const { database } = opened;
  const dbSalt = database ? Uint8Array.from(database.salt) : newSalt();
  const material = {
    masterKey: Buffer.from(opened.masterKey),
    keys: { dbSalt, slots: opened.slots },
  };
  if (database) checkpointDatabase(opened.db);
  await buildVaultFolder(
    target,
    material,
    (file, dbKey) => {
      if (database) copyDatabaseFileInto(database.file, file);
      else copyDatabaseInto(opened.db, file, dbKey, dbSalt);
    },
    options,
  );
  if (existing) {
    try {
      await fs.rename(destination, await freeName(destination));
      await fs.rename(target, destination);
      await fs.syncFolder(parentOf(destination));
    } catch (error) {
      throw fromFsError(error, { file: destination });
    }
  }
  return Vault.unlockWithMaterial(destination, material, options);

  function newSalt(): Uint8Array {
    const salt = new Uint8Array(DB_SALT_BYTES);
    randomFillSync(salt);
    return salt;
  }

  async function freeName(path: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = `${path}.before-restore${n === 1 ? '' : `-${String(n)}`}`;
      if ((await fs.kindOf(candidate).catch(() => null)) === null) return candidate;
    }
  }
}
