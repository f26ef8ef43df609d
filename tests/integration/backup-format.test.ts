/**
 * The backup format (docs/vault-format.md §14) and its committed fixture: a backup written by
 * this version must restore in every later version, and a backup from a newer version is
 * refused as such (exit code 5 in the CLI), whether its container, its metadata or its schema
 * is the newer part.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_METADATA_FORMAT } from '../../shared/backup.ts';
import { sealLegacyBackup } from '../helpers/legacy-backup.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { latestSchemaVersion, migrate } from '../../electron/core/db/migrate.ts';
import {
  openBackupFile,
  verifyBackupFile,
} from '../../electron/core/services/backup/backup-file.ts';
import { restoreBackup } from '../../electron/core/services/backup/restore-backup.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/backup-v1.json'), 'utf8')) as {
  file: string;
  passphrase: string;
  recoveryKey: string;
  note: string;
  persons: string[];
  createdAt: string;
  tables: Record<string, number>;
};
const tempDir = useTempDir('confidant-backup-format-');

describe('the committed v1 backup', () => {
  it.each([
    ['passphrase', { passphrase: fixture.passphrase }],
    ['recovery key', { recoveryKey: fixture.recoveryKey }],
  ] as const)('verifies and restores with its %s', async (_, secret) => {
    const dir = tempDir();
    const copy = join(dir, fixture.file);
    copyFileSync(join(ROOT, 'tests/fixtures', fixture.file), copy);
    const report = await verifyBackupFile(copy, secret);
    expect(report).toMatchObject({
      createdAt: fixture.createdAt,
      schemaVersion: 5,
      integrity: 'ok',
    });
    expect(Object.fromEntries(report.tables.map((t) => [t.name, t.rows]))).toEqual(fixture.tables);

    const opened = await openBackupFile(copy, secret);
    const target = join(dir, 'restored.confidant');
    const vault = await restoreBackup(opened, {
      destination: target,
      replaceExisting: false,

      now: new Date('2027-01-01T00:00:00Z'),
    });
    await vault.lock();
    // The restored vault opens with the same secret, migrated to this version's schema.
    const again = await Vault.unlock(target, secret, { readOnly: true });
    try {
      const names = again.db
        .prepare('SELECT full_name FROM persons ORDER BY full_name')
        .pluck()
        .all();
      expect(names).toEqual([...fixture.persons].sort());
      expect(again.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      expect(again.db.prepare('SELECT DISTINCT body FROM case_notes').pluck().all()).toEqual([
        fixture.note,
      ]);
    } finally {
      await again.lock();
    }
  });
});

describe('a backup from a newer version', () => {
  async function craft(edit: { metadata?: Record<string, unknown>; userVersion?: number }) {
    const dir = tempDir();
    const { vault } = await createTestVault(dir, { kdf: FAST_KDF });
    // A format-1 payload (a plain image), as a backup of a format-1 vault holds.
    const db = openDatabase();
    migrate(db, 'crafted');
    if (edit.userVersion) db.pragma(`user_version = ${edit.userVersion}`);
    const image = db.serialize();
    db.close();
    const key = await vault.deriveBackupKey();
    const file = await sealLegacyBackup(
      { chunkSize: vault.chunkSize, slots: [...vault.keyslots] },
      key,
      {
        format: 1,
        createdAt: '2030-01-01T00:00:00.000Z',
        appVersion: '9.0.0',
        schemaVersion: edit.userVersion ?? latestSchemaVersion(),
        vaultName: 'future.confidant',
        opensWith: 'vault',
        tables: {},
        imageBytes: image.length,
        ...edit.metadata,
      },
      image,
    );
    await vault.lock();
    const path = join(dir, 'future.confidant-backup');
    writeFileSync(path, file);
    return path;
  }

  it('is refused when its schema is newer', async () => {
    const path = await craft({ userVersion: latestSchemaVersion() + 1 });
    await expect(verifyBackupFile(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'NEWER_VERSION',
    });
  });

  it('is refused when its metadata format is newer', async () => {
    const path = await craft({ metadata: { format: BACKUP_METADATA_FORMAT + 1 } });
    await expect(verifyBackupFile(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'NEWER_VERSION',
    });
  });

  it('with rows missing against its own record is refused as damaged, not restored', async () => {
    const path = await craft({ metadata: { tables: { persons: 3 } } });
    await expect(verifyBackupFile(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      details: { reason: 'counts' },
    });
  });
});
