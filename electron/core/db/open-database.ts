import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { VaultError } from '../errors.ts';
import { withStatementCache } from './statement-cache.ts';

/** SQLCipher 4 keeps the page-1 salt in the first 16 bytes of the file (docs/vault-format.md §17). */
export const SQLCIPHER_SALT_BYTES = 16;
/** SQLCipher 4's page size: a database file is always a whole number of these. */
export const SQLCIPHER_PAGE_SIZE = 4096;

/** What every connection gets, in memory or on disk. */
function applyCommonPragmas(db: Database.Database): void {
  // Temporary tables, indices and sort spills stay in RAM, never in a temp file.
  db.pragma('temp_store = MEMORY');
  // Deleted rows are overwritten with zeros, so they do not linger in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // A schema cannot call application functions or virtual tables by itself.
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
}

/**
 * An in-memory database: empty, or deserialized from a decrypted format-1 image (a vault being
 * upgraded, a format-1 backup). SQLite never gets a file name, so it writes no file at all.
 */
export function openDatabase(image?: Uint8Array): Database.Database {
  const db = image
    ? new Database(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
    : new Database(':memory:');
  // The rollback journal of an in-memory database lives in memory; say so explicitly.
  db.pragma('journal_mode = MEMORY');
  applyCommonPragmas(db);
  return withStatementCache(db);
}

/**
 * The key SQLite3 Multiple Ciphers takes for a raw SQLCipher key: "raw:" ‖ 32-byte key ‖
 * 16-byte salt. Built in a Buffer (never a JS string) that the caller wipes.
 */
export function rawSqlcipherKey(key: Uint8Array, salt: Uint8Array): Buffer {
  const raw = Buffer.alloc(4 + key.length + salt.length);
  raw.write('raw:', 0, 'latin1');
  raw.set(key, 4);
  raw.set(salt, 4 + key.length);
  return raw;
}

/** Selects SQLCipher 4 on a connection, before any key: needed on every open. */
export function selectSqlcipher4(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

export interface OpenVaultDatabaseOptions {
  /** Make a new database file (it must not exist). */
  create?: boolean;
  readOnly?: boolean;
  /**
   * The page cache in KiB instead of 64 MiB. A whole-file check (a backup's) reads pages again
   * across tables and indexes; each miss decrypts and checks a page's HMAC again, so a cache as
   * large as the file (bounded by the caller) makes the check ~1.6× faster at 10,000 persons.
   */
  cacheKiB?: number;
}

/** The cache a whole-file check of a database of `bytes` gets: the file, at most 256 MiB. */
export function checkCacheKiB(bytes: number): number {
  return Math.min(256 * 1024, Math.max(64 * 1024, Math.ceil(bytes / 1024) + 1024));
}

/**
 * Opens a format-2 vault's database: an SQLCipher 4 file keyed with the raw database key and
 * the salt the keyslot file records. WAL with an exclusive lock (no -shm file, no second
 * process), every commit durable (synchronous=FULL), no memory-mapped I/O, a 64 MiB cache.
 *
 * A key that does not open page 1 is told apart: another vault's database (its salt differs
 * from the keyslot file's), a file cut short (not a whole number of pages), or a damaged one —
 * which includes a file cut exactly at a page boundary: SQLite cannot tell that from damage.
 */
export function openVaultDatabase(
  path: string,
  dbKey: Uint8Array,
  dbSalt: Uint8Array,
  options: OpenVaultDatabaseOptions = {},
): Database.Database {
  if (options.create) {
    // Made empty first, owner-only: SQLite then opens an existing (empty) database.
    writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
  } else {
    refuseCutShort(path);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, {
      fileMustExist: !options.create,
      readonly: options.readOnly ?? false,
    });
    selectSqlcipher4(db);
    const raw = rawSqlcipherKey(dbKey, dbSalt);
    try {
      db.key(raw);
    } finally {
      raw.fill(0);
    }
    // Before the first read: the WAL index then lives in heap memory, not in a -shm file, and
    // no second process can open the file. (A read-only connection cannot take that lock.)
    if (!options.readOnly) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('mmap_size = 0');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!options.readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // After a checkpoint the WAL is cut back, so it does not keep megabytes of old pages.
      db.pragma('journal_size_limit = 4194304');
    }
    db.pragma(`cache_size = -${String(Math.trunc(options.cacheKiB ?? 65536))}`);
    applyCommonPragmas(db);
    return withStatementCache(db);
  } catch (error) {
    db?.close();
    throw databaseOpenError(error, path, dbSalt);
  }
}

/**
 * SQLite would open an empty or short file as a new, empty database, and a file cut inside
 * its last page can read back wrong rows without an error: a database file is always a whole
 * number of pages, so anything else is cut short (told before SQLite sees it).
 */
function refuseCutShort(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return; // missing: SQLite says so (DATABASE_MISSING)
  }
  if (size < SQLCIPHER_PAGE_SIZE || size % SQLCIPHER_PAGE_SIZE !== 0)
    throw new VaultError('TRUNCATED_VAULT', { file: path });
}

/** Turns what SQLite said about a database that would not open into what the user can act on. */
function databaseOpenError(error: unknown, path: string, dbSalt: Uint8Array): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CANTOPEN')
    return new VaultError('DATABASE_MISSING', { file: path }, { cause: error });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new VaultError('VAULT_IN_USE', { file: path, reason: 'unknown' }, { cause: error });
  if (!isCorruptionError(error)) return error;
  const head = readHead(path);
  if (head.length < SQLCIPHER_SALT_BYTES)
    return new VaultError('TRUNCATED_VAULT', { file: path }, { cause: error });
  if (!head.equals(Buffer.from(dbSalt)))
    return new VaultError('FOREIGN_DATABASE', { file: path }, { cause: error });
  return new VaultError('CORRUPT_VAULT', { file: path, reason: 'database' }, { cause: error });
}

function readHead(path: string): Buffer {
  const head = Buffer.alloc(SQLCIPHER_SALT_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** SQLite's own change counter since the connection opened. */
export function totalChanges(db: Database.Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** SQLite's way of saying the file is not a sound database (or not one this key opens). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
  );
}

/** Moves every committed page from the WAL into the database file and empties the WAL. */
export function checkpointDatabase(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
