/**
 * Schema migrations: numbered files `NNNN_name.sql` in ./migrations, applied in order. The
 * schema version is SQLite's `PRAGMA user_version`; all pending migrations run in one
 * transaction, so a vault is always at one numbered version, never between two.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { VaultError } from '../errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Where the .sql files are; the Electron build copies them next to its bundle. */
let migrationsFolder = new URL('./migrations/', import.meta.url);
let cached: Migration[] | undefined;

export function setMigrationsFolder(url: URL): void {
  migrationsFolder = url;
  cached = undefined;
}

/** Reads and checks the migration files once: numbered 1, 2, 3 … with no gap or duplicate. */
export function loadMigrations(folder: URL = migrationsFolder): Migration[] {
  if (folder === migrationsFolder && cached) return cached;
  const migrations = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const [, number, name] = FILE_PATTERN.exec(file) ?? [];
      if (number === undefined || name === undefined) {
        throw new Error(`migration file name ${file} is not NNNN_name.sql`);
      }
      return { version: Number(number), name, sql: readFileSync(new URL(file, folder), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migrations must be numbered 1, 2, 3 …; found ${migration.version} at position ${index + 1}`,
      );
    }
  });
  if (folder === migrationsFolder) cached = migrations;
  return migrations;
}

export function latestSchemaVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.length;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` to the latest schema. Refuses (NEWER_VERSION) a database from a newer
 * Confidant, leaving it untouched. Returns the versions before and after.
 */
export function migrate(
  db: Database,
  file: string,
  migrations: Migration[] = loadMigrations(),
): { from: number; to: number } {
  const from = schemaVersion(db);
  const to = latestSchemaVersion(migrations);
  if (from > to) throw new VaultError('NEWER_VERSION', { file, schema: from });
  if (from === to) return { from, to };
  db.transaction(() => {
    for (const migration of migrations.slice(from)) db.exec(migration.sql);
    db.pragma(`user_version = ${to}`);
  }).immediate();
  return { from, to };
}
