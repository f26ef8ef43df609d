import type { Database } from 'better-sqlite3-multiple-ciphers';

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
