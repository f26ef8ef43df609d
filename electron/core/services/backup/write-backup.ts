/**
 * Writing one backup of the open vault into a folder, all or nothing:
 * seal the database file — its pages still encrypted by SQLCipher — (with the vault's keyslots, or the backup passphrase's slot plus the recovery
 * slot) → write it under a temporary name and flush it → read it back from the disk and verify
 * it like any backup (decrypt, integrity_check, row counts) → only then rename it to its final
 * name and flush the folder. A full disk or a pulled drive leaves no file under a backup's name.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { openVaultDatabase } from '../../db/open-database.ts';
import { DATABASE_FILE } from '../../vault/layout.ts';
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
 * Everything a backup needs from the open vault, taken at one instant: a copy of the database
 * file (encrypted pages, checkpointed first; the kernel copies it, nothing passes through
 * JavaScript) in a private temporary folder, and the keys to read, seal and verify it. After
 * this the vault may be locked: the rest runs from the copy alone — counting its rows, sealing,
 * writing, verifying — and removes the copy and wipes the keys when it is done.
 */
export interface CapturedBackup {
  request: BackupRequest;
  /** The private folder holding the copy (`vault.db`). */
  folder: string;
  dbSalt: Uint8Array;
  slots: Keyslot[];
  chunkSize: number;
  keys: { backup: Buffer; database: Buffer };
}

export async function captureBackup(vault: Vault, request: BackupRequest): Promise<CapturedBackup> {
  const backup = await vault.deriveBackupKey();
  const database = await vault.deriveDatabaseKey();
  const folder = mkdtempSync(join(tmpdir(), 'confidant-capture-'));
  try {
    vault.copyDatabaseFile(join(folder, DATABASE_FILE));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    wipe(backup, database);
    throw fromFsError(error, { file: vault.path });
  }
  const recovery = vault.keyslots.filter((slot) => slot.type === 'recovery');
  return {
    request,
    folder,
    dbSalt: Uint8Array.from(vault.dbSalt),
    slots: request.backupPassphraseSlot
      ? [request.backupPassphraseSlot, ...recovery]
      : [...vault.keyslots],
    chunkSize: vault.chunkSize,
    keys: { backup, database },
  };
}

/** Forgets a captured backup that will not be written (or has been). */
export function discardCapturedBackup(captured: CapturedBackup): void {
  rmSync(captured.folder, { recursive: true, force: true });
  wipe(captured.keys.backup, captured.keys.database);
}

/** The copy's rows and schema, as the backup records them, and its bytes. */
function readCapture(captured: CapturedBackup): { metadata: BackupMetadata; image: Buffer } {
  const file = join(captured.folder, DATABASE_FILE);
  const db = openVaultDatabase(file, captured.keys.database, captured.dbSalt);
  let tables: Record<string, number>;
  let schema: number;
  try {
    tables = Object.fromEntries(tableCounts(db).map((table) => [table.name, table.rows]));
    schema = schemaVersion(db);
  } finally {
    db.close();
  }
  const image = readFileSync(file);
  const { request } = captured;
  return {
    image,
    metadata: {
      format: BACKUP_METADATA_FORMAT,
      createdAt: request.now.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schema,
      vaultName: request.vaultName,
      opensWith: request.backupPassphraseSlot ? 'backup-passphrase' : 'vault',
      tables,
      imageBytes: image.length,
    },
  };
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
    const { metadata, image } = readCapture(captured);
    const sealed = await sealBackup(
      { chunkSize: captured.chunkSize, slots: captured.slots },
      keys.backup,
      metadata,
      image,
    );
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
