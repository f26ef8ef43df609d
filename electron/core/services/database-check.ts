import type { Database } from 'better-sqlite3-multiple-ciphers';
import { schemaVersion } from '../db/migrate.ts';
import { isCorruptionError } from '../db/open-database.ts';
import { tableCounts } from '../db/table-counts.ts';

export { tableCounts };

export interface DatabaseReport {
  schemaVersion: number;
  /** SQLite's integrity_check lines: exactly ['ok'] when the database is sound. */
  integrity: string[];
  /** Row counts, only when the database is sound (counting a damaged one can fail). */
  tables: { name: string; rows: number }[];
}

export function isSound(report: DatabaseReport): boolean {
  return report.integrity.length === 1 && report.integrity[0] === 'ok';
}

/**
 * Full integrity check plus row counts: what `confidant verify` and backup verification print.
 * A database too damaged for the check to run is reported as failing it, not thrown.
 */
export function checkDatabase(db: Database): DatabaseReport {
  const integrity = integrityCheck(db);
  const version = schemaVersionOrZero(db);
  if (!(integrity.length === 1 && integrity[0] === 'ok'))
    return { schemaVersion: version, integrity, tables: [] };
  const tables = tableCounts(db);
  return { schemaVersion: version, integrity, tables };
}

/** SQLite's integrity_check lines; a database too damaged to check gives the error as its line. */
export function integrityCheck(db: Database): string[] {
  try {
    // It reads every page in use; in an encrypted file SQLCipher checks each page's HMAC as it
    // is read, so a damaged page fails here. (This SQLite build has no cipher_integrity_check.)
    // A check of the whole database file, not of a table: it has no repos/ module to live in.
    // eslint-disable-next-line no-restricted-syntax
    return db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    return [(error as Error).message];
  }
}

/** The schema version, or 0 when it cannot be read. */
export function schemaVersionOf(db: Database): number {
  return schemaVersionOrZero(db);
}

function schemaVersionOrZero(db: Database): number {
  try {
    return schemaVersion(db);
  } catch {
    return 0;
  }
}
