/**
 * The one way a database that is not yet a format-2 vault becomes one: a format-1 vault's
 * image (upgrade), a backup (restore). The source is an open connection — an in-memory image,
 * or a backup's database — and the new SQLCipher file is ATTACHed to it with its key bound as
 * a blob, so no key becomes a JS string and no readable page ever reaches the disk. The
 * schema is recreated there and every row copied, full-text index included, in one transaction.
 * The copy is left in rollback-journal mode; the vault's own open switches it to WAL.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  openSync,
  writeFileSync,
} from 'node:fs';
import { rawSqlcipherKey, selectSqlcipher4 } from '../db/open-database.ts';

interface SchemaRow {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  tbl_name: string;
  sql: string | null;
}

const TARGET = 'vault_v2';

/** Copies everything in `source` (schema `main`) into a new SQLCipher 4 file at `path`. */
export function copyDatabaseInto(
  source: Database,
  path: string,
  dbKey: Uint8Array,
  dbSalt: Uint8Array,
): void {
  selectSqlcipher4(source);
  // Made empty first (an empty file is an empty database): owner-only, and ATTACH then needs no
  // "create" permission, which a connection opened on an existing file does not have.
  writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
  const raw = rawSqlcipherKey(dbKey, dbSalt);
  try {
    source.prepare(`ATTACH DATABASE ? AS ${TARGET} KEY ?`).run(path, raw);
  } finally {
    raw.fill(0);
  }
  // better-sqlite3 runs SQLite in defensive mode, where a full-text index's shadow tables are
  // read-only; copying them row for row is exactly what must happen here.
  source.unsafeMode(true);
  try {
    source.pragma(`${TARGET}.journal_mode = DELETE`);
    source.pragma(`${TARGET}.synchronous = FULL`);
    source.pragma(`${TARGET}.secure_delete = ON`);
    source.transaction(() => {
      copySchemaAndRows(source);
    })();
  } finally {
    source.exec(`DETACH DATABASE ${TARGET}`);
    source.unsafeMode(false);
  }
}

function copySchemaAndRows(db: Database): void {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM main.sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all() as SchemaRow[];
  const create = (sql: string) => {
    db.exec(
      sql.replace(
        /^CREATE\s+(VIRTUAL\s+TABLE|TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)\s+/iu,
        (m) => `${m}${TARGET}.`,
      ),
    );
  };
  const isVirtual = (row: SchemaRow) => /^CREATE\s+VIRTUAL\s+TABLE/iu.test(row.sql ?? '');
  const tables = rows.filter((row) => row.type === 'table' && row.sql !== null);
  // Virtual tables first: they make their own shadow tables, which are then filled as copies.
  for (const row of tables.filter(isVirtual)) create(row.sql ?? '');
  const existing = new Set(
    db.prepare(`SELECT name FROM ${TARGET}.sqlite_schema`).pluck().all() as string[],
  );
  for (const row of tables) {
    if (isVirtual(row)) continue;
    if (!existing.has(row.name)) create(row.sql ?? '');
    const quoted = `"${row.name.replaceAll('"', '""')}"`;
    db.exec(`DELETE FROM ${TARGET}.${quoted}`);
    db.exec(`INSERT INTO ${TARGET}.${quoted} SELECT * FROM main.${quoted}`);
  }
  const hasSequence = db
    .prepare(`SELECT count(*) FROM main.sqlite_schema WHERE name = 'sqlite_sequence'`)
    .pluck()
    .get() as number;
  if (hasSequence > 0) {
    db.exec(`DELETE FROM ${TARGET}.sqlite_sequence`);
    db.exec(`INSERT INTO ${TARGET}.sqlite_sequence SELECT * FROM main.sqlite_sequence`);
  }
  // Indexes, views and triggers last: triggers must not fire on the copied rows.
  for (const type of ['index', 'view', 'trigger'] as const) {
    for (const row of rows) if (row.type === type && row.sql) create(row.sql);
  }
  const version = db.pragma('main.user_version', { simple: true }) as number;
  db.pragma(`${TARGET}.user_version = ${String(version)}`);
}

/**
 * The other way, for a database that already is a format-2 vault's (a backup's, checked and
 * checkpointed): its pages are copied as they are — the kernel copies the bytes, nothing is
 * decrypted — and flushed. The vault's keyslot file must then name the file's own salt.
 */
export function copyDatabaseFileInto(source: string, path: string): void {
  copyFileSync(source, path, constants.COPYFILE_EXCL);
  chmodSync(path, 0o600);
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
