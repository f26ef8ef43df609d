/**
 * Opening a backup file and checking it from end to end: header, keyslot, every encrypted
 * chunk, the database's integrity_check, its schema version, and every table's row count
 * against the counts recorded when the backup was written. Nothing is written anywhere.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ErrorCode } from '../../../../shared/error-codes.ts';
import {
  BACKUP_METADATA_FORMAT,
  backupMetadata,
  type BackupMetadata,
  type BackupReport,
} from '../../../../shared/backup.ts';
import { openBackupPayload } from '../../crypto/backup-container.ts';
import {
  FILE_KIND_BACKUP,
  FILE_KIND_VAULT,
  FORMAT_VERSION,
  headerChecksum,
  parseContainer,
  type Keyslot,
} from '../../crypto/container.ts';
import {
  openMasterKey,
  type UnlockSecret,
  derivePayloadKey,
  deriveDatabaseKey,
  BACKUP_PAYLOAD_CONTEXT,
} from '../../crypto/keyslots.ts';
import { wipe } from '../../crypto/sodium.ts';
import { latestSchemaVersion } from '../../db/migrate.ts';
import {
  isCorruptionError,
  openDatabase,
  openVaultDatabase,
  SQLCIPHER_SALT_BYTES,
} from '../../db/open-database.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromReadError, isVaultError, VaultError } from '../../errors.ts';
import { nodeFs, type FsPort } from '../../vault/fs-port.ts';
import { keysPath } from '../../vault/layout.ts';
import { checkDatabase } from '../database-check.ts';

export interface BackupReadOptions {
  fs?: FsPort;
}

/**
 * A decrypted, verified backup held open (for a restore): an in-memory database (format-1
 * payload) or a private temporary copy of its SQLCipher file (format 2; still encrypted on
 * disk). `close` closes it, removes the copy and wipes the key.
 */
export interface OpenedBackup {
  readonly report: BackupReport;
  readonly db: Database;
  readonly masterKey: Buffer;
  readonly slots: Keyslot[];
  readonly chunkSize: number;
  close(): void;
}

/** Opens `file` with a secret, verifies it, and keeps it open (for a restore). */
export async function openBackupFile(
  file: string,
  secret: UnlockSecret,
  options: BackupReadOptions = {},
): Promise<OpenedBackup> {
  const bytes = await readBackupBytes(file, options.fs ?? nodeFs);
  let masterKey: Buffer | null = null;
  try {
    const parsed = parseBackup(bytes, file, await headerChecksum());
    // Keyslots always authenticate the vault's kind: they are the vault's own (§14).
    masterKey = await openMasterKey(
      parsed.header.slots,
      secret,
      { version: FORMAT_VERSION, kind: FILE_KIND_VAULT },
      { file, kind: 'backup' },
    );
    const key = await derivePayloadKey(masterKey, BACKUP_PAYLOAD_CONTEXT);
    const dbKey = await deriveDatabaseKey(masterKey);
    try {
      const { db, report, dispose } = await decryptAndCheck(
        parsed,
        { backup: key, database: dbKey },
        file,
        bytes.length,
      );
      const opened = masterKey;
      return {
        report,
        db,
        masterKey: opened,
        slots: parsed.header.slots,
        chunkSize: parsed.header.chunkSize,
        close() {
          dispose();
          wipe(opened);
        },
      };
    } finally {
      wipe(key, dbKey);
    }
  } catch (error) {
    wipe(masterKey, bytes);
    throw error;
  }
}

/** Verifies `file` with a secret and forgets it: what "Verify" and `backup verify` do. */
export async function verifyBackupFile(
  file: string,
  secret: UnlockSecret,
  options: BackupReadOptions = {},
): Promise<BackupReport> {
  const opened = await openBackupFile(file, secret, options);
  opened.close();
  return opened.report;
}

/**
 * Verifies backup bytes with the backup key the writer already holds (no passphrase, no
 * Argon2id): a new backup is read back from the disk and checked like this before any older
 * one is removed.
 */
export async function verifyBackupBytes(
  bytes: Buffer,
  file: string,
  keys: BackupKeys,
): Promise<BackupReport> {
  const size = bytes.length;
  const parsed = parseBackup(bytes, file, await headerChecksum());
  const { report, dispose } = await decryptAndCheck(parsed, keys, file, size);
  dispose();
  return report;
}

/** The keys a backup is read with: its payload key, and the database key of its vault. */
export interface BackupKeys {
  backup: Uint8Array;
  database: Uint8Array;
}

async function readBackupBytes(file: string, fs: FsPort): Promise<Buffer> {
  // A vault (a folder with its keyslot file) picked where a backup was wanted.
  if ((await fs.kindOf(keysPath(file)).catch(() => null)) === 'file')
    throw new VaultError('NOT_A_BACKUP', { file, reason: 'vault' });
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw asBackupError(fromReadError(error, file));
  }
}

function parseBackup(
  bytes: Buffer,
  file: string,
  checksum: (data: Uint8Array) => Uint8Array,
): ReturnType<typeof parseContainer> {
  try {
    return parseContainer(bytes, { file }, checksum, FILE_KIND_BACKUP);
  } catch (error) {
    throw asBackupError(error);
  }
}

/** The vault reader's words for a damaged file, said of a backup. */
function asBackupError(error: unknown): unknown {
  if (!isVaultError(error)) return error;
  const renamed: Partial<Record<ErrorCode, ErrorCode>> = {
    CORRUPT_VAULT: 'BACKUP_DAMAGED',
    TRUNCATED_VAULT: 'BACKUP_TRUNCATED',
    NOT_A_VAULT: 'NOT_A_BACKUP',
  };
  const code = renamed[error.code];
  return code ? new VaultError(code, error.details, { cause: error }) : error;
}

async function decryptAndCheck(
  parsed: ReturnType<typeof parseContainer>,
  keys: BackupKeys,
  file: string,
  fileBytes: number,
): Promise<{ db: Database; report: BackupReport; dispose: () => void }> {
  const where = { file };
  const { metadata: raw, image } = await openBackupPayload(parsed, keys.backup, where).catch(
    (error: unknown) => {
      throw asBackupError(error);
    },
  );
  let opened: OpenedPayload | undefined;
  try {
    const metadata = checkMetadata(raw, where);
    if (image.length !== metadata.imageBytes)
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'image-length' });
    try {
      opened = metadata.format === 1 ? inMemory(image) : onPrivateDisk(image, keys.database);
    } catch (error) {
      if (isCorruptionError(error) || isVaultError(error))
        throw new VaultError('BACKUP_DAMAGED', { file, reason: 'database' }, { cause: error });
      throw error;
    } finally {
      wipe(image);
    }
    const db = opened.db;
    const check = checkDatabase(db);
    if (check.schemaVersion > latestSchemaVersion())
      throw new VaultError('NEWER_VERSION', { file, schema: check.schemaVersion });
    if (!(check.integrity.length === 1 && check.integrity[0] === 'ok'))
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'integrity' });
    const recorded = Object.entries(metadata.tables);
    const found = new Map(check.tables.map((table) => [table.name, table.rows]));
    const lost = recorded.find(([name, rows]) => found.get(name) !== rows);
    if (lost || recorded.length !== found.size || check.schemaVersion !== metadata.schemaVersion)
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'counts' });
    return {
      db,
      dispose: () => {
        opened?.dispose();
      },
      report: {
        file,
        fileBytes,
        createdAt: metadata.createdAt,
        appVersion: metadata.appVersion,
        schemaVersion: metadata.schemaVersion,
        vaultName: metadata.vaultName,
        opensWith: metadata.opensWith,
        integrity: 'ok',
        tables: check.tables,
      },
    };
  } catch (error) {
    opened?.dispose();
    throw error;
  }
}

interface OpenedPayload {
  db: Database;
  dispose(): void;
}

/** Format-1 payload: a plain SQLite image, opened in memory and never written anywhere. */
function inMemory(image: Buffer): OpenedPayload {
  const db = openDatabase(image);
  return {
    db,
    dispose() {
      if (db.open) db.close();
    },
  };
}

/**
 * Format-2 payload: the vault's SQLCipher file. An encrypted file can only be opened from a
 * file, so it goes into a private temporary folder (0700; the pages stay encrypted with the
 * database key) and is removed on dispose.
 */
function onPrivateDisk(image: Buffer, dbKey: Uint8Array): OpenedPayload {
  const folder = mkdtempSync(join(tmpdir(), 'confidant-backup-'));
  const path = join(folder, 'vault.db');
  const dispose = () => {
    if (db?.open) db.close();
    rmSync(folder, { recursive: true, force: true });
  };
  let db: Database | undefined;
  try {
    writeFileSync(path, image, { mode: 0o600, flag: 'wx' });
    db = openVaultDatabase(path, dbKey, image.subarray(0, SQLCIPHER_SALT_BYTES));
    return { db, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

function checkMetadata(raw: unknown, where: { file: string }): BackupMetadata {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BACKUP_METADATA_FORMAT)
    throw new VaultError('NEWER_VERSION', { ...where, reason: 'metadata' });
  const parsed = backupMetadata.safeParse(raw);
  if (!parsed.success) throw new VaultError('BACKUP_DAMAGED', { ...where, reason: 'metadata' });
  if (parsed.data.schemaVersion > latestSchemaVersion())
    throw new VaultError('NEWER_VERSION', { ...where, schema: parsed.data.schemaVersion });
  return parsed.data;
}
