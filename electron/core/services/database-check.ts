import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../db/migrate.ts';
import { isCorruptionError } from '../db/open-database.ts';

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
  let integrity: string[];
  try {
    integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    integrity = [(error as Error).message];
  }
  const version = schemaVersionOrZero(db);
  if (!(integrity.length === 1 && integrity[0] === 'ok'))
    return { schemaVersion: version, integrity, tables: [] };
  const tables = tableCounts(db);
  return { schemaVersion: version, integrity, tables };
}

/** Rows in every table, by name (SQLite's own tables left out). */
export function tableCounts(db: Database): { name: string; rows: number }[] {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return names.map((name) => ({
    name,
    rows: db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number,
  }));
}

function schemaVersionOrZero(db: Database): number {
  try {
    return schemaVersion(db);
  } catch {
    return 0;
  }
}
