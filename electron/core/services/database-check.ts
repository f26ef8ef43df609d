import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../db/migrate.ts';

export interface DatabaseReport {
  schemaVersion: number;
  /** SQLite's integrity_check lines: exactly ['ok'] when the database is sound. */
  integrity: string[];
  tables: { name: string; rows: number }[];
}

/** Full integrity check plus row counts: what `confidant verify` and backup verification print. */
export function checkDatabase(db: Database): DatabaseReport {
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  const names = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const tables = names.map((name) => ({
    name,
    rows: db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number,
  }));
  return { schemaVersion: schemaVersion(db), integrity, tables };
}
