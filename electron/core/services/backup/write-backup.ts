/**
 * Writing one backup of the open vault into a folder, all or nothing (docs/vault-format.md §14):
 * take a copy of the database file at one instant (its pages stay encrypted by SQLCipher) →
 * check that copy (integrity_check, which verifies every page's HMAC, and the row counts the
 * backup records) → stream header, sealed metadata, the copy's bytes and the whole-file MAC into
 * a temporary file and flush it → read it back from the disk and recompute the MAC → only then
 * rename it to its final name and flush the folder. A full disk or a pulled drive leaves no
 * file under a backup's name. Memory stays at one 1 MiB buffer, whatever the vault's size.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_VERSION } from '../../../../shared/app-info.ts';
import {
  BACKUP_EXTENSION,
  BACKUP_METADATA_FORMAT,
  type BackupMetadata,
  type BackupReport,
} from '../../../../shared/backup.ts';
import {
  BACKUP_MAC_BYTES,
  createBackupMac,
  macsEqual,
  sealBackupStart,
} from '../../crypto/backup-container.ts';
import type { Keyslot } from '../../crypto/container.ts';
import { wipe } from '../../crypto/sodium.ts';
import { fromFsError, VaultError } from '../../errors.ts';
import { nodeFs, type FsPort, type WritableFile } from '../../vault/fs-port.ts';
import { DATABASE_FILE } from '../../vault/layout.ts';
import type { Vault } from '../../vault/vault.ts';
import { stageExportFile } from '../export-file.ts';
import { startCopyCheck, type CopyCheck } from './check-copy.ts';
import type { CopyCounts } from './check-protocol.ts';
import { BACKUP_IO_BYTES, forEachChunk } from './file-chunks.ts';

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
  keys: { backup: Buffer; mac: Buffer; database: Buffer };
}

export async function captureBackup(vault: Vault, request: BackupRequest): Promise<CapturedBackup> {
  const backup = await vault.deriveBackupKey();
  const mac = await vault.deriveBackupMacKey();
  const database = await vault.deriveDatabaseKey();
  const folder = mkdtempSync(join(tmpdir(), 'confidant-capture-'));
  try {
    vault.copyDatabaseFile(join(folder, DATABASE_FILE));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    wipe(backup, mac, database);
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
    keys: { backup, mac, database },
  };
}

/** Forgets a captured backup that will not be written (or has been). */
export function discardCapturedBackup(captured: CapturedBackup): void {
  rmSync(captured.folder, { recursive: true, force: true });
  wipe(captured.keys.backup, captured.keys.mac, captured.keys.database);
}

/** What the backup's metadata records of the copy. */
function describeCapture(captured: CapturedBackup, counts: CopyCounts): BackupMetadata {
  const { request } = captured;
  return {
    format: BACKUP_METADATA_FORMAT,
    createdAt: request.now.toISOString(),
    appVersion: APP_VERSION,
    schemaVersion: counts.schemaVersion,
    vaultName: request.vaultName,
    opensWith: request.backupPassphraseSlot ? 'backup-passphrase' : 'vault',
    tables: Object.fromEntries(counts.tables.map((table) => [table.name, table.rows])),
    imageBytes: statSync(join(captured.folder, DATABASE_FILE)).size,
  };
}

export async function writeBackup(
  vault: Vault,
  request: BackupRequest,
  options: BackupWriteOptions = {},
): Promise<BackupReport> {
  return writeCapturedBackup(await captureBackup(vault, request), options);
}

/**
 * Checks, writes, reads back and publishes a captured backup; wipes its keys whatever happens.
 * The copy is checked as a restore will check it — integrity_check (every page's HMAC) and the
 * row counts — in a worker, while the file is written: nothing is published unless both hold.
 */
export async function writeCapturedBackup(
  captured: CapturedBackup,
  options: BackupWriteOptions = {},
): Promise<BackupReport> {
  const fs = options.fs ?? nodeFs;
  const { keys } = captured;
  const copy = join(captured.folder, DATABASE_FILE);
  let check: CopyCheck | undefined;
  try {
    const path = await freePath(captured.request, fs);
    check = startCopyCheck(copy, keys.database, captured.dbSalt);
    const counts = await check.counts;
    const metadata = describeCapture(captured, counts);
    const start = await sealBackupStart(
      { chunkSize: BACKUP_IO_BYTES, slots: captured.slots },
      keys.backup,
      metadata,
    );
    const size = start.length + metadata.imageBytes + BACKUP_MAC_BYTES;
    let written: Buffer | undefined;
    const staged = await stageExportFile(
      path,
      async (out) => {
        written = await streamBackup(start, copy, out, keys.mac);
      },
      false,
      fs,
    );
    try {
      const integrity = await check.integrity;
      // The vault itself is damaged: a backup would carry the damage. Say so, publish nothing.
      if (!(integrity.length === 1 && integrity[0] === 'ok'))
        throw new VaultError('CORRUPT_VAULT', {
          file: captured.request.vaultName,
          reason: 'integrity',
        });
      if (!written || !(await readBackMatches(staged.tempPath, size, written, keys.mac, fs)))
        throw new VaultError('BACKUP_DAMAGED', { file: path, reason: 'written' });
      staged.publish();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    await staged.durable();
    return {
      file: path,
      fileBytes: size,
      createdAt: metadata.createdAt,
      appVersion: metadata.appVersion,
      schemaVersion: metadata.schemaVersion,
      vaultName: metadata.vaultName,
      opensWith: metadata.opensWith,
      integrity: 'ok',
      tables: counts.tables,
    };
  } finally {
    check?.cancel();
    await check?.integrity.catch(() => undefined);
    discardCapturedBackup(captured);
  }
}

/** Writes `start`, then the database file, then the MAC of all of it; returns the MAC. */
async function streamBackup(
  start: Buffer,
  database: string,
  out: WritableFile,
  macKey: Uint8Array,
): Promise<Buffer> {
  const mac = await createBackupMac(macKey);
  try {
    mac.update(start);
    await out.write(start);
    // The private copy, not the user's drive: read directly.
    const source = await nodeFs.openForReading(database);
    await forEachChunk(source, { file: database }, async (chunk) => {
      mac.update(chunk);
      await out.write(chunk);
    });
    const tag = mac.finish();
    await out.write(tag);
    return tag;
  } finally {
    mac.dispose();
  }
}

/**
 * Reads the flushed file back from the disk: it must have the expected size, and the MAC of its
 * bytes must be the one that was written — so the file holds exactly the checked database.
 */
async function readBackMatches(
  path: string,
  size: number,
  written: Buffer,
  macKey: Uint8Array,
  fs: FsPort,
): Promise<boolean> {
  const file = await fs.openForReading(path).catch((error: unknown) => {
    throw fromFsError(error, { file: path });
  });
  if (file.size !== size) {
    await file.close();
    return false;
  }
  const mac = await createBackupMac(macKey);
  const stored = Buffer.alloc(BACKUP_MAC_BYTES);
  try {
    await forEachChunk(
      file,
      { file: path, to: size - BACKUP_MAC_BYTES, keepOpen: true },
      (chunk) => {
        mac.update(chunk);
        return Promise.resolve();
      },
    );
    const read = await file.read(stored, 0, BACKUP_MAC_BYTES, size - BACKUP_MAC_BYTES);
    const computed = mac.finish();
    return (
      read === BACKUP_MAC_BYTES &&
      (await macsEqual(computed, written)) &&
      (await macsEqual(stored, written))
    );
  } finally {
    mac.dispose();
    await file.close();
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
