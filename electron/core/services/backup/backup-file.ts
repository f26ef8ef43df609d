/**
 * Opening a backup file and checking it from end to end: header, keyslot, metadata, the
 * whole-file MAC (container version 2) or every encrypted chunk (version 1), the database's
 * integrity_check, its schema version, and every table's row count against the counts recorded
 * when the backup was written. Nothing is written anywhere but a private temporary folder.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorCode } from '../../../../shared/error-codes.ts';
import {
  BACKUP_METADATA_FORMAT,
  backupMetadata,
  type BackupMetadata,
  type BackupReport,
} from '../../../../shared/backup.ts';
import {
  BACKUP_CONTAINER_VERSION,
  BACKUP_MAC_BYTES,
  BACKUP_METADATA_MESSAGE_BYTES,
  backupFileSize,
  createBackupMac,
  macsEqual,
  openBackupMetadata,
  openBackupPayload,
} from '../../crypto/backup-container.ts';
import {
  FILE_KIND_BACKUP,
  FILE_KIND_VAULT,
  FORMAT_VERSION,
  headerChecksum,
  headerLengthOf,
  parseContainer,
  type Keyslot,
  type ParsedContainer,
} from '../../crypto/container.ts';
import {
  BACKUP_PAYLOAD_CONTEXT,
  deriveBackupMacKey,
  deriveDatabaseKey,
  derivePayloadKey,
  openMasterKey,
  type UnlockSecret,
} from '../../crypto/keyslots.ts';
import { wipe } from '../../crypto/sodium.ts';
import { latestSchemaVersion } from '../../db/migrate.ts';
import {
  checkCacheKiB,
  isCorruptionError,
  openDatabase,
  openVaultDatabase,
  SQLCIPHER_SALT_BYTES,
} from '../../db/open-database.ts';
import { fromFsError, fromReadError, isVaultError, VaultError } from '../../errors.ts';
import { nodeFs, type FsPort, type ReadableFile } from '../../vault/fs-port.ts';
import { DATABASE_FILE, keysPath } from '../../vault/layout.ts';
import { checkDatabase, isSound } from '../database-check.ts';
import { forEachChunk } from './file-chunks.ts';

export interface BackupReadOptions {
  fs?: FsPort;
}

/**
 * A decrypted, verified backup held open (for a restore): its database in a private temporary
 * folder (SQLCipher pages, still encrypted on disk), or in memory for a format-1 image. `close`
 * closes it, removes the folder and wipes the key.
 */
export interface OpenedBackup {
  readonly report: BackupReport;
  readonly db: Database;
  readonly masterKey: Buffer;
  readonly slots: Keyslot[];
  /** The SQLCipher file `db` is open on, and its salt; null for a format-1 image in memory. */
  readonly database: { file: string; salt: Uint8Array } | null;
  close(): void;
}

/** A header is a few hundred bytes; more than this is damage, not a header. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Opens `file` with a secret, verifies it, and keeps it open (for a restore). */
export async function openBackupFile(
  file: string,
  secret: UnlockSecret,
  options: BackupReadOptions = {},
): Promise<OpenedBackup> {
  const fs = options.fs ?? nodeFs;
  // A vault (a folder with its keyslot file) picked where a backup was wanted.
  if ((await fs.kindOf(keysPath(file)).catch(() => null)) === 'file')
    throw new VaultError('NOT_A_BACKUP', { file, reason: 'vault' });
  const source = await fs.openForReading(file).catch((error: unknown) => {
    throw asBackupError(fromReadError(error, file));
  });
  let masterKey: Buffer | null = null;
  try {
    const parsed = await readHeader(source, file);
    // Keyslots always authenticate the vault's kind: they are the vault's own (§14).
    masterKey = await openMasterKey(
      parsed.header.slots,
      secret,
      { version: FORMAT_VERSION, kind: FILE_KIND_VAULT },
      { file, kind: 'backup' },
    );
    const payload =
      parsed.header.version === 1
        ? await openVersion1(source, masterKey, file)
        : await openVersion2(source, parsed, masterKey, file);
    const opened = masterKey;
    return {
      report: payload.report,
      db: payload.db,
      database: payload.database,
      masterKey: opened,
      slots: parsed.header.slots,
      close() {
        payload.dispose();
        wipe(opened);
      },
    };
  } catch (error) {
    wipe(masterKey);
    throw error;
  } finally {
    await source.close().catch(() => undefined);
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

/** Reads and checks the header alone (a few hundred bytes), whatever the file's size. */
async function readHeader(source: ReadableFile, file: string): Promise<ParsedContainer> {
  const probe = await readAt(source, 0, Math.min(source.size, MAX_HEADER_BYTES), file);
  const length = headerLengthOf(probe);
  const bytes = length !== undefined && length <= probe.length ? probe.subarray(0, length) : probe;
  if (length !== undefined && length > MAX_HEADER_BYTES && source.size >= length)
    throw new VaultError('BACKUP_DAMAGED', { file, reason: 'header-length' });
  try {
    return parseContainer(
      bytes,
      { file },
      await headerChecksum(),
      FILE_KIND_BACKUP,
      BACKUP_CONTAINER_VERSION,
    );
  } catch (error) {
    throw asBackupError(error);
  }
}

interface OpenedPayload {
  db: Database;
  report: BackupReport;
  database: OpenedBackup['database'];
  dispose(): void;
}

/**
 * Container version 2: the metadata, then the database file as it is, then the MAC of
 * everything before it. One pass copies the database into a private temporary folder (it can
 * only be opened from a file) while the MAC is computed; only a file whose MAC holds is opened.
 */
async function openVersion2(
  source: ReadableFile,
  parsed: ParsedContainer,
  masterKey: Uint8Array,
  file: string,
): Promise<OpenedPayload> {
  const where = { file };
  const payloadKey = await derivePayloadKey(masterKey, BACKUP_PAYLOAD_CONTEXT);
  const macKey = await deriveBackupMacKey(masterKey);
  const dbKey = await deriveDatabaseKey(masterKey);
  const mac = await createBackupMac(macKey);
  let folder: string | undefined;
  try {
    const headerLength = parsed.headerBytes.length;
    const message = await readAt(source, headerLength, BACKUP_METADATA_MESSAGE_BYTES, file);
    if (message.length < BACKUP_METADATA_MESSAGE_BYTES)
      throw new VaultError('BACKUP_TRUNCATED', where);
    const raw = await openBackupMetadata(parsed, message, payloadKey, where).catch(
      (error: unknown) => {
        throw asBackupError(error);
      },
    );
    const metadata = checkMetadata(raw, where);
    if (metadata.format !== 3) throw new VaultError('BACKUP_DAMAGED', { file, reason: 'metadata' });
    const size = backupFileSize(headerLength, metadata.imageBytes);
    if (source.size < size) throw new VaultError('BACKUP_TRUNCATED', where);
    if (source.size > size)
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'trailing-data' });

    mac.update(parsed.headerBytes);
    mac.update(message);
    folder = mkdtempSync(join(tmpdir(), 'confidant-backup-'));
    const copy = join(folder, DATABASE_FILE);
    const salt = new Uint8Array(SQLCIPHER_SALT_BYTES);
    const out = await nodeFs.createExclusive(copy).catch((error: unknown) => {
      throw fromFsError(error, { file: copy });
    });
    try {
      let at = 0;
      await forEachChunk(
        source,
        {
          file,
          from: size - BACKUP_MAC_BYTES - metadata.imageBytes,
          to: size - BACKUP_MAC_BYTES,
          keepOpen: true,
        },
        async (chunk) => {
          if (at < SQLCIPHER_SALT_BYTES) salt.set(chunk.subarray(0, SQLCIPHER_SALT_BYTES - at), at);
          at += chunk.length;
          mac.update(chunk);
          await out.write(chunk);
        },
      );
    } catch (error) {
      throw isVaultError(error) ? asBackupError(error) : fromFsError(error, { file: copy });
    } finally {
      await out.close();
    }
    const stored = await readAt(source, size - BACKUP_MAC_BYTES, BACKUP_MAC_BYTES, file);
    if (!(await macsEqual(mac.finish(), stored)))
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'mac' });

    const opened = openCopy(copy, dbKey, salt, file);
    const privateFolder = folder;
    folder = undefined; // from here on the opened payload owns it
    const dispose = () => {
      if (opened.open) opened.close();
      rmSync(privateFolder, { recursive: true, force: true });
    };
    try {
      const report = checkPayload(opened, metadata, file, source.size);
      return { db: opened, report, database: { file: copy, salt }, dispose };
    } catch (error) {
      dispose();
      throw error;
    }
  } finally {
    mac.dispose();
    wipe(payloadKey, macKey, dbKey);
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

function openCopy(path: string, dbKey: Uint8Array, salt: Uint8Array, file: string): Database {
  try {
    return openVaultDatabase(path, dbKey, salt, { cacheKiB: checkCacheKiB(statSync(path).size) });
  } catch (error) {
    if (isCorruptionError(error) || isVaultError(error))
      throw new VaultError('BACKUP_DAMAGED', { file, reason: 'database' }, { cause: error });
    throw error;
  }
}

/**
 * Container version 1 (backups written before version 2): one secretstream over the metadata
 * and the image, read whole — these files predate streaming and are read as they were written.
 */
async function openVersion1(
  source: ReadableFile,
  masterKey: Uint8Array,
  file: string,
): Promise<OpenedPayload> {
  const bytes = await readAt(source, 0, source.size, file);
  const key = await derivePayloadKey(masterKey, BACKUP_PAYLOAD_CONTEXT);
  const dbKey = await deriveDatabaseKey(masterKey);
  try {
    let parsed: ParsedContainer;
    try {
      parsed = parseContainer(bytes, { file }, await headerChecksum(), FILE_KIND_BACKUP);
    } catch (error) {
      throw asBackupError(error);
    }
    const { metadata: raw, image } = await openBackupPayload(parsed, key, { file }).catch(
      (error: unknown) => {
        throw asBackupError(error);
      },
    );
    let opened: { db: Database; database: OpenedBackup['database']; dispose(): void } | undefined;
    try {
      const metadata = checkMetadata(raw, { file });
      if (metadata.format > 2) throw new VaultError('BACKUP_DAMAGED', { file, reason: 'metadata' });
      if (image.length !== metadata.imageBytes)
        throw new VaultError('BACKUP_DAMAGED', { file, reason: 'image-length' });
      try {
        opened = metadata.format === 1 ? inMemory(image) : onPrivateDisk(image, dbKey);
      } catch (error) {
        if (isCorruptionError(error) || isVaultError(error))
          throw new VaultError('BACKUP_DAMAGED', { file, reason: 'database' }, { cause: error });
        throw error;
      } finally {
        wipe(image);
      }
      const report = checkPayload(opened.db, metadata, file, bytes.length);
      return { ...opened, report };
    } catch (error) {
      opened?.dispose();
      throw error;
    }
  } finally {
    wipe(key, dbKey, bytes);
  }
}

/** The checks every payload passes: integrity, schema version, and the recorded row counts. */
function checkPayload(
  db: Database,
  metadata: BackupMetadata,
  file: string,
  fileBytes: number,
): BackupReport {
  const check = checkDatabase(db);
  if (check.schemaVersion > latestSchemaVersion())
    throw new VaultError('NEWER_VERSION', { file, schema: check.schemaVersion });
  if (!isSound(check)) throw new VaultError('BACKUP_DAMAGED', { file, reason: 'integrity' });
  const recorded = Object.entries(metadata.tables);
  const found = new Map(check.tables.map((table) => [table.name, table.rows]));
  const lost = recorded.find(([name, rows]) => found.get(name) !== rows);
  if (lost || recorded.length !== found.size || check.schemaVersion !== metadata.schemaVersion)
    throw new VaultError('BACKUP_DAMAGED', { file, reason: 'counts' });
  return {
    file,
    fileBytes,
    createdAt: metadata.createdAt,
    appVersion: metadata.appVersion,
    schemaVersion: metadata.schemaVersion,
    vaultName: metadata.vaultName,
    opensWith: metadata.opensWith,
    integrity: 'ok',
    tables: check.tables,
  };
}

/** Format-1 payload: a plain SQLite image, opened in memory and never written anywhere. */
function inMemory(image: Buffer): {
  db: Database;
  database: null;
  dispose(): void;
} {
  const db = openDatabase(image);
  return {
    db,
    database: null,
    dispose() {
      if (db.open) db.close();
    },
  };
}

/**
 * Format-2 payload of a version-1 container: the vault's SQLCipher file. An encrypted file can
 * only be opened from a file, so it goes into a private temporary folder (0700; the pages stay
 * encrypted with the database key) and is removed on dispose.
 */
function onPrivateDisk(
  image: Buffer,
  dbKey: Uint8Array,
): { db: Database; database: OpenedBackup['database']; dispose(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'confidant-backup-'));
  const path = join(folder, DATABASE_FILE);
  const salt = Uint8Array.from(image.subarray(0, SQLCIPHER_SALT_BYTES));
  let db: Database | undefined;
  const dispose = () => {
    if (db?.open) db.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    writeFileSync(path, image, { mode: 0o600, flag: 'wx' });
    db = openVaultDatabase(path, dbKey, salt, { cacheKiB: checkCacheKiB(image.length) });
    return { db, database: { file: path, salt }, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** Up to `length` bytes at `position` (fewer at the end of the file). */
async function readAt(
  source: ReadableFile,
  position: number,
  length: number,
  file: string,
): Promise<Buffer> {
  const into = Buffer.alloc(Math.max(0, length));
  let got = 0;
  try {
    while (got < into.length) {
      const read = await source.read(into, got, into.length - got, position + got);
      if (read === 0) break;
      got += read;
    }
  } catch (error) {
    throw asBackupError(fromReadError(error, file));
  }
  return into.subarray(0, got);
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
