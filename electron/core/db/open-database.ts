import Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.ts';

/**
 * Opens the vault's database in memory: empty, or deserialized from a decrypted image.
 * SQLite never gets a file name, so it never creates a file, journal or temp file.
 */
export function openDatabase(image?: Uint8Array): Database.Database {
  const db = image
    ? new Database(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
    : new Database(':memory:');
  // Temporary tables, indices and sort spills stay in RAM, never in a temp file.
  db.pragma('temp_store = MEMORY');
  // The rollback journal of an in-memory database lives in memory; say so explicitly (never WAL).
  db.pragma('journal_mode = MEMORY');
  // Deleted rows are overwritten with zeros inside the image, so they do not linger in
  // free pages of later saves.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // A schema cannot call application functions or virtual tables by itself.
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  return withStatementCache(db);
}

/** SQLite's own change counter since the connection opened: tells whether a save is pending. */
export function totalChanges(db: Database.Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** SQLite's way of saying the image is not a sound database. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
  );
}
