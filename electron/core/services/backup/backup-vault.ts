/**
 * One backup of the open vault, as the app and the CLI make it: written and verified
 * (write-backup.ts), then — for rolling backups — this vault's oldest backups in the folder
 * removed down to `keep`, and the backup recorded in the audit trail. The caller saves.
 */
import { basename, join } from 'node:path';
import type { BackupWritten } from '../../../../shared/backup.ts';
import { appendAuditEvent } from '../../repos/audit-events.ts';
import { nodeFs, type FsPort } from '../../vault/fs-port.ts';
import type { Vault } from '../../vault/vault.ts';
import {
  BACKUP_WRITTEN_ACTION,
  backupPassphraseSlot,
  backupTag,
  keepBackupTag,
} from './backup-settings.ts';
import { ownBackups, writeBackup, type BackupWriteOptions } from './write-backup.ts';

/** Who asked: the Backups screen, a lock or quit (rolling), or the command line. */
export type BackupTrigger = 'manual' | 'lock' | 'quit' | 'cli';

export async function backupVault(
  vault: Vault,
  request: { folder: string; trigger: BackupTrigger; keep?: number; now: Date },
  options: BackupWriteOptions = {},
): Promise<BackupWritten> {
  const fs = options.fs ?? nodeFs;
  const { db } = vault;
  const slot = backupPassphraseSlot(db);
  const tag = backupTag(db);
  const report = await writeBackup(
    vault,
    {
      folder: request.folder,
      tag,
      backupPassphraseSlot: slot,
      vaultName: basename(vault.path),
      now: request.now,
    },
    options,
  );
  const removed =
    request.keep === undefined
      ? []
      : await removeOldBackups(request.folder, tag, request.keep, report.file, fs);
  keepBackupTag(db, tag, request.now);
  appendAuditEvent(
    db,
    {
      action: BACKUP_WRITTEN_ACTION,
      detail: {
        file: basename(report.file),
        trigger: request.trigger,
        opensWith: report.opensWith,
        bytes: report.fileBytes,
        removed: removed.length,
      },
    },
    request.now,
  );
  return {
    file: report.file,
    fileBytes: report.fileBytes,
    createdAt: report.createdAt,
    removed,
    tables: report.tables,
  };
}

/**
 * This vault's backups in `folder` beyond the newest `keep`: removed only after a new one was
 * verified, only this vault's files (by tag), never the new one. Returns the names removed.
 */
export async function removeOldBackups(
  folder: string,
  tag: string,
  keep: number,
  newest: string,
  fs: FsPort = nodeFs,
): Promise<string[]> {
  const removed: string[] = [];
  const names = ownBackups(await fs.readdir(folder).catch(() => []), tag);
  for (const name of names.slice(keep)) {
    if (name === basename(newest)) continue;
    try {
      await fs.unlink(join(folder, name));
      removed.push(name);
    } catch {
      // An old backup that cannot be removed stays; the next backup tries again.
    }
  }
  return removed;
}
