import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  latestSchemaVersion,
  loadMigrations,
  migrate,
  schemaVersion,
} from '../../electron/core/db/migrate.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { appendAuditEvent, listAuditEvents } from '../../electron/core/repos/audit-events.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function migrationsFolder(files: Record<string, string>): URL {
  const folder = mkdtempSync(join(tmpdir(), 'confidant-migrations-'));
  folders.push(folder);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  return pathToFileURL(`${folder}/`);
}

function tables(db: ReturnType<typeof openDatabase>): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

describe('migrations', () => {
  it('brings an empty database to the latest version, recorded in user_version', () => {
    const db = openDatabase();
    expect(migrate(db, 'v')).toEqual({ from: 0, to: latestSchemaVersion() });
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'audit_events']));
  });

  it('does nothing the second time', () => {
    const db = openDatabase();
    migrate(db, 'v');
    const to = latestSchemaVersion();
    expect(migrate(db, 'v')).toEqual({ from: to, to });
  });

  it('makes every table STRICT', () => {
    const db = openDatabase();
    migrate(db, 'v');
    const rows = db
      .prepare(
        // Virtual tables (full-text search) and their shadow tables are SQLite's own.
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.strict, row.name).toBe(1);
  });

  it('matches the committed schema snapshot (a schema change must be a new migration)', async () => {
    const db = openDatabase();
    migrate(db, 'v');
    const schema = (
      db
        .prepare('SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name')
        .pluck()
        .all() as string[]
    ).join(';\n\n');
    await expect(`${schema};\n`).toMatchFileSnapshot('../../electron/core/db/schema.snapshot.sql');
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const db = openDatabase();
    migrate(db, 'v');
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    const before = db.serialize();
    expect(() => migrate(db, 'vault.confidant')).toThrow(
      expect.objectContaining({ code: 'NEWER_VERSION' }),
    );
    expect(db.serialize().equals(before)).toBe(true);
  });

  it('runs all pending migrations in one transaction: one failure applies none', () => {
    const folder = migrationsFolder({
      '0001_one.sql': 'CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;',
      '0002_two.sql': 'CREATE TABLE two (id INTEGER PRIMARY KEY) STRICT;',
      '0003_broken.sql': 'CREATE TABLE three (id INTEGER PRIMARY KEY) STRICT; THIS IS NOT SQL;',
    });
    const db = openDatabase();
    expect(() => migrate(db, 'v', loadMigrations(folder))).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('applies only what is pending, in order', () => {
    const folder = migrationsFolder({
      '0001_one.sql': 'CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;',
      '0002_two.sql': 'ALTER TABLE one ADD COLUMN label TEXT;',
    });
    const db = openDatabase();
    migrate(db, 'v', loadMigrations(folder).slice(0, 1));
    expect(migrate(db, 'v', loadMigrations(folder))).toEqual({ from: 1, to: 2 });
    expect(db.prepare("SELECT name FROM pragma_table_info('one')").pluck().all()).toEqual([
      'id',
      'label',
    ]);
  });

  it('refuses badly named or badly numbered migration files', () => {
    expect(() => loadMigrations(migrationsFolder({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(
      /numbered/,
    );
    expect(() => loadMigrations(migrationsFolder({ '0001_a.sql': '', '0001_b.sql': '' }))).toThrow(
      /numbered/,
    );
    expect(() => loadMigrations(migrationsFolder({ '1_a.sql': '' }))).toThrow(/NNNN_name/);
    expect(() => loadMigrations(migrationsFolder({ '0001_A b.sql': '' }))).toThrow(/NNNN_name/);
  });

  it('ships migrations numbered from 1 without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});

describe('audit events', () => {
  it('are append-only: updating or deleting one is refused', () => {
    const db = openDatabase();
    migrate(db, 'v');
    const id = appendAuditEvent(db, { action: 'vault.unlocked', detail: { method: 'passphrase' } });
    expect(() =>
      db.prepare('UPDATE audit_events SET action = ? WHERE id = ?').run('x', id),
    ).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE id = ?').run(id)).toThrow(
      /append-only/,
    );
    expect(listAuditEvents(db)).toEqual([
      expect.objectContaining({ id, action: 'vault.unlocked', detail: { method: 'passphrase' } }),
    ]);
  });

  it('refuses malformed rows (STRICT types and checks)', () => {
    const db = openDatabase();
    migrate(db, 'v');
    const insert = db.prepare(
      'INSERT INTO audit_events (at, action, subject, detail) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('2026-11-21T12:00:00.000Z', '', null, null)).toThrow();
    expect(() => insert.run('2026-11-21T12:00:00.000Z', 'x', null, 'not json')).toThrow();
    expect(() => insert.run(12, 'x', null, null)).toThrow();
  });
});

describe('the in-memory database', () => {
  it('keeps temp data in memory, journals in memory, zeroes deleted content, checks foreign keys', () => {
    const db = openDatabase();
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.memory).toBe(true);
    expect(db.name).toBe(':memory:');
  });

  it('is restored from an image without keeping a reference to the buffer', () => {
    const db = openDatabase();
    migrate(db, 'v');
    appendAuditEvent(db, { action: 'marker' });
    const image = db.serialize();
    const restored = openDatabase(image);
    image.fill(0);
    expect(listAuditEvents(restored).map((e) => e.action)).toEqual(['marker']);
  });
});
