/**
 * Writing one backup of the open vault into a folder, all or nothing:
 * seal the database file — its pages still encrypted by SQLCipher — (with the vault's keyslots, or the backup passphrase's slot plus the recovery
 * slot) → write it under a temporary name and flush it → read it back from the disk and verify
 * it like any backup (decrypt, integrity_check, row counts) → only then rename it to its final
 * name and flush the folder. A full disk or a pulled drive leaves no file under a backup's name.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../../../../shared/app-info.ts';
import {
  BACKUP_EXTENSION,
  BACKUP_METADATA_FORMAT,
  type BackupMetadata,
  type BackupReport,
} from '../../../../shared/backup.ts';
import { sealBackup } from '../../crypto/backup-container.ts';
import type { Keyslot } from '../../crypto/container.ts';
import { wipe } from '../../crypto/sodium.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { fromFsError, isVaultError, VaultError } from '../../errors.ts';
import { nodeFs, type FsPort } from '../../vault/fs-port.ts';
import type { Vault } from '../../vault/vault.ts';
import { tableCounts } from '../database-check.ts';
import { stageExportFile } from '../export-file.ts';
import { verifyBackupBytes } from './backup-file.ts';

export interface BackupRequest {
  folder: string;
  /** Identifies this vault's backups among others in the same folder (backup-settings.ts). */
  tag: string;
  /** A separate backup passphrase's slot; null = the vault's own passphrase opens the backup. */
  backupPassphraseSlot: Keyslot | null;
  vaultName: string;
  now: Date;
}

export interface BackupWriteOptions {
  fs?: FsPort;
}

/** `confidant-<tag>-<UTC time>.confidant-backup`: sorts by time, says nothing about the vault. */
const NAME = /^confidant-([0-9a-f]{8})-(\d{8}T\d{6}Z)(?:-(\d+))?\.confidant-backup$/u;

export function backupFileName(tag: string, at: Date, attempt = 1): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d+Z$/u, 'Z');
  return `confidant-${tag}-${stamp}${attempt > 1 ? `-${attempt}` : ''}.${BACKUP_EXTENSION}`;
}

/** This vault's backups in a folder listing, newest first. */
export function ownBackups(names: readonly string[], tag: string): string[] {
  return names
    .filter((name) => NAME.exec(name)?.[1] === tag)
    .sort((a, b) => {
      const [, , stampA, nA] = NAME.exec(a) ?? [];
      const [, , stampB, nB] = NAME.exec(b) ?? [];
      return (stampB ?? '').localeCompare(stampA ?? '') || Number(nB ?? 1) - Number(nA ?? 1);
    });
}

/**
 * Everything a backup needs from the open vault, taken at one instant: the row counts, the
 * database file (encrypted pages) and the keys to seal and verify it. After this the vault may
 * be locked: the rest runs from this alone and wipes the keys and the copy when it is done.
 */
export interface CapturedBackup {
  request: BackupRequest;
  metadata: BackupMetadata;
  image: Buffer;
  slots: Keyslot[];
  chunkSize: number;
  keys: { backup: Buffer; database: Buffer };
}

export async function captureBackup(vault: Vault, request: BackupRequest): Promise<CapturedBackup> {
  const backup = await vault.deriveBackupKey();
  const database = await vault.deriveDatabaseKey();
  const db = vault.db;
  // Counted and copied back to back, synchronously: no commit can fall between the two.
  const tables = Object.fromEntries(tableCounts(db).map((table) => [table.name, table.rows]));
  const image = vault.snapshotDatabaseFile();
  const recovery = vault.keyslots.filter((slot) => slot.type === 'recovery');
  const slots = request.backupPassphraseSlot
    ? [request.backupPassphraseSlot, ...recovery]
    : [...vault.keyslots];
  return {
    request,
    image,
    slots,
    chunkSize: vault.chunkSize,
    keys: { backup, database },
    metadata: {
      format: BACKUP_METADATA_FORMAT,
      createdAt: request.now.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schemaVersion(db),
      vaultName: request.vaultName,
      opensWith: request.backupPassphraseSlot ? 'backup-passphrase' : 'vault',
      tables,
      imageBytes: image.length,
    },
  };
}

/** Forgets a captured backup that will not be written. */
export function discardCapturedBackup(captured: CapturedBackup): void {
  wipe(captured.keys.backup, captured.keys.database, captured.image);
}

export async function writeBackup(
  vault: Vault,
  request: BackupRequest,
  options: BackupWriteOptions = {},
): Promise<BackupReport> {
  return writeCapturedBackup(await captureBackup(vault, request), options);
}

/** Seals, writes, reads back and verifies a captured backup; wipes its keys whatever happens. */
export async function writeCapturedBackup(
  captured: CapturedBackup,
  options: BackupWriteOptions = {},
): Promise<BackupReport> {
  const fs = options.fs ?? nodeFs;
  const { keys } = captured;
  try {
    const path = await freePath(captured.request, fs);
    const sealed = await sealBackup(
      { chunkSize: captured.chunkSize, slots: captured.slots },
      keys.backup,
      captured.metadata,
      captured.image,
    );
    wipe(captured.image);
    const staged = await stageExportFile(path, sealed, false, fs);
    let report: BackupReport;
    try {
      const readBack = await fs.readFile(staged.tempPath).catch((error: unknown) => {
        throw fromFsError(error, { file: path });
      });
      if (!readBack.equals(sealed))
        throw new VaultError('BACKUP_DAMAGED', { file: path, reason: 'written' });
      report = await verifyBackupBytes(readBack, path, keys).catch((error: unknown) => {
        throw isVaultError(error, 'BACKUP_DAMAGED')
          ? new VaultError('BACKUP_DAMAGED', { file: path, reason: 'written' }, { cause: error })
          : error;
      });
      staged.publish();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    await staged.durable();
    return report;
  } finally {
    discardCapturedBackup(captured);
  }
}

/** A name in `folder` that is not taken (two backups in the same second get -2, -3 …). */
async function freePath(request: BackupRequest, fs: FsPort): Promise<string> {
  try {
    if (!statSync(request.folder).isDirectory())
      throw new VaultError('FOLDER_NOT_FOUND', { file: request.folder });
  } catch (error) {
    throw fromFsError(error, {
      file: join(request.folder, backupFileName(request.tag, request.now)),
    });
  }
  for (let attempt = 1; ; attempt++) {
    const path = join(request.folder, backupFileName(request.tag, request.now, attempt));
    if (!(await fs.exists(path))) return path;
  }
}
