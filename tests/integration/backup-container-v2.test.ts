/**
 * Backup container version 2 (docs/vault-format.md §14): the database file travels as it is,
 * after the sealed metadata, and one keyed BLAKE2b MAC over the whole file binds it. What that
 * must give: the committed fixture verifies and restores forever; the bytes are exactly the
 * layout the document gives; a page of an older backup of the same vault spliced in — which
 * SQLCipher's own page MACs accept — is refused; a cut file is "cut short", not "damaged";
 * backups of the previous container version (a sealed SQLCipher file inside) still restore;
 * and reading a backup leaves no temporary copy behind.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { nodeFs } from '../../electron/core/vault/fs-port.ts';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_MAC_BYTES,
  BACKUP_METADATA_MESSAGE_BYTES,
  createBackupMac,
  sealBackupStart,
} from '../../electron/core/crypto/backup-container.ts';
import { readKeyslotFile } from '../../electron/core/vault/keys-file.ts';
import { latestSchemaVersion } from '../../electron/core/db/migrate.ts';
import {
  openBackupFile,
  verifyBackupFile,
} from '../../electron/core/services/backup/backup-file.ts';
import { restoreBackup } from '../../electron/core/services/backup/restore-backup.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { sealLegacyBackup } from '../helpers/legacy-backup.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/backup-v2.json'), 'utf8')) as {
  file: string;
  passphrase: string;
  recoveryKey: string;
  note: string;
  persons: string[];
  createdAt: string;
  fileBytes: number;
  tables: Record<string, number>;
};
const tempDir = useTempDir('confidant-bcv2-');
const secret = { passphrase: PASSPHRASE };

// Every temporary copy a reader or writer makes goes under os.tmpdir(): point it at a folder we
// can list, and expect none of them left there.
let privateTmp: string;
const leftCopies = () =>
  readdirSync(privateTmp).filter((name) => /^confidant-(backup|capture)-/u.test(name));
let savedTmp: string | undefined;
beforeEach(() => {
  privateTmp = join(tempDir(), 'tmp');
  mkdirSync(privateTmp);
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/** A vault with a few notes and one backup of it; returns the API, paths and bytes. */
async function vaultAndBackup(notes = 3) {
  const dir = tempDir();
  const api = await openTestVault(dir, { vaultOptions: { kdf: FAST_KDF } });
  const { id } = await api.call('persons:create', { fullName: 'Ирина Котова' });
  for (let i = 0; i < notes; i++)
    await api.call('notes:create', {
      occurredOn: '2026-12-01',
      kind: 'meeting',
      personIds: [id],
      title: `Встреча ${String(i)}`,
      body: 'Говорили о графике заседаний. '.repeat(200),
    });
  const backups = join(dir, 'backups');
  mkdirSync(backups);
  const written = await api.call('backup:create', { folder: backups });
  return { dir, api, backups, file: written.file, bytes: readFileSync(written.file) };
}

describe('the committed container-v2 backup', () => {
  it.each([
    ['passphrase', { passphrase: fixture.passphrase }],
    ['recovery key', { recoveryKey: fixture.recoveryKey }],
  ] as const)('verifies and restores with its %s', async (_, fixtureSecret) => {
    const dir = tempDir();
    const copy = join(dir, fixture.file);
    copyFileSync(join(ROOT, 'tests/fixtures', fixture.file), copy);
    const report = await verifyBackupFile(copy, fixtureSecret);
    expect(report).toMatchObject({
      createdAt: fixture.createdAt,
      fileBytes: fixture.fileBytes,
      integrity: 'ok',
    });
    expect(Object.fromEntries(report.tables.map((t) => [t.name, t.rows]))).toEqual(fixture.tables);

    const target = join(dir, 'Restored.confidant');
    const opened = await openBackupFile(copy, fixtureSecret);
    const vault = await restoreBackup(opened, {
      destination: target,
      replaceExisting: false,
      now: new Date('2027-01-01T00:00:00Z'),
    });
    opened.close();
    await vault.lock();
    const again = await Vault.unlock(target, fixtureSecret, { readOnly: true });
    try {
      const names = again.db.prepare('SELECT full_name FROM persons').pluck().all();
      expect([...names].sort()).toEqual([...fixture.persons].sort());
      expect(
        again.db.prepare("SELECT value FROM settings WHERE key = 'fixture.note'").pluck().get(),
      ).toBe(fixture.note);
      expect(again.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    } finally {
      await again.lock();
    }
    expect(leftCopies()).toEqual([]);
  });
});

describe('a container-v2 backup', () => {
  it('is header, sealed metadata, the database file as it is, and a MAC over all of it', async () => {
    const { api, bytes } = await vaultAndBackup();
    const headerLength = bytes.readUInt32LE(10);
    expect(bytes.readUInt16LE(8)).toBe(2); // container version
    expect(bytes.readUInt8(14)).toBe(2); // kind: backup
    const database = bytes.subarray(
      headerLength + BACKUP_METADATA_MESSAGE_BYTES,
      bytes.length - BACKUP_MAC_BYTES,
    );
    // The pages are SQLCipher's: a whole number of 4 KiB pages, starting with the vault's salt.
    expect(database.length % 4096).toBe(0);
    const status = await api.call('vault:status', {});
    const keys = await readKeyslotFile(nodeFs, status.path ?? '');
    expect(Buffer.from(database.subarray(0, 16))).toEqual(Buffer.from(keys.dbSalt));
    // No plaintext of the notes anywhere in the file.
    expect(bytes.includes(Buffer.from('графике заседаний'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('refuses a page from an older backup of the same vault spliced in (its own page MAC holds)', async () => {
    const { api, backups, bytes: older } = await vaultAndBackup(1);
    const { id } = (await api.call('persons:list', {})).rows[0] ?? { id: 0 };
    for (let i = 0; i < 20; i++)
      await api.call('notes:create', {
        occurredOn: '2026-12-02',
        kind: 'call',
        personIds: [id],
        title: `Позже ${String(i)}`,
        body: 'Новые сведения. '.repeat(150),
      });
    const newerFile = (await api.call('backup:create', { folder: backups })).file;
    const newer = readFileSync(newerFile);
    const start = newer.readUInt32LE(10) + BACKUP_METADATA_MESSAGE_BYTES;
    const olderStart = older.readUInt32LE(10) + BACKUP_METADATA_MESSAGE_BYTES;
    // Page 2 of the database, taken from the older backup: a real page of this vault, under its key.
    const spliced = Buffer.from(newer);
    const page = older.subarray(olderStart + 4096, olderStart + 8192);
    expect(page.equals(newer.subarray(start + 4096, start + 8192))).toBe(false);
    page.copy(spliced, start + 4096);
    const path = join(backups, 'spliced.confidant-backup');
    writeFileSync(path, spliced);
    await expect(verifyBackupFile(path, secret)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      details: { reason: 'mac' },
    });
    expect(leftCopies()).toEqual([]);
  });

  it('cut anywhere after its header is "cut short"; bytes appended are damage', async () => {
    const { backups, bytes } = await vaultAndBackup();
    const headerLength = bytes.readUInt32LE(10);
    const cuts = [
      headerLength + 100, // inside the metadata
      headerLength + BACKUP_METADATA_MESSAGE_BYTES + 5000, // inside the database
      bytes.length - 1, // inside the MAC
    ];
    for (const cut of cuts) {
      const path = join(backups, `cut-${String(cut)}.confidant-backup`);
      writeFileSync(path, bytes.subarray(0, cut));
      await expect(verifyBackupFile(path, secret), String(cut)).rejects.toMatchObject({
        code: 'BACKUP_TRUNCATED',
      });
    }
    const appended = join(backups, 'appended.confidant-backup');
    writeFileSync(appended, Buffer.concat([bytes, Buffer.alloc(4096)]));
    await expect(verifyBackupFile(appended, secret)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      details: { reason: 'trailing-data' },
    });
    expect(leftCopies()).toEqual([]);
  });

  it('with a newer metadata format is refused as made by a newer version', async () => {
    const { dir, api, backups } = await vaultAndBackup(0);
    await api.call('vault:lock', {});
    const vault = await Vault.unlock(join(dir, 'vault.confidant'), secret, { kdf: FAST_KDF });
    const payloadKey = await vault.deriveBackupKey();
    const macKey = await vault.deriveBackupMacKey();
    const copy = join(tempDir(), 'vault.db');
    vault.copyDatabaseFile(copy);
    const database = readFileSync(copy);
    const start = await sealBackupStart(
      { chunkSize: 1 << 20, slots: [...vault.keyslots] },
      payloadKey,
      {
        format: 4,
        createdAt: '2030-01-01T00:00:00.000Z',
        appVersion: '9.0.0',
        schemaVersion: latestSchemaVersion(),
        vaultName: 'future.confidant',
        opensWith: 'vault',
        tables: {},
        imageBytes: database.length,
      },
    );
    const mac = await createBackupMac(macKey);
    mac.update(start);
    mac.update(database);
    const path = join(backups, 'future.confidant-backup');
    writeFileSync(path, Buffer.concat([start, database, mac.finish()]));
    await vault.lock();
    await expect(verifyBackupFile(path, secret)).rejects.toMatchObject({ code: 'NEWER_VERSION' });
  });

  it('restores page for page: the restored database keeps the backup’s salt and its keys name it', async () => {
    const { dir, file } = await vaultAndBackup();
    const target = join(dir, 'Restored.confidant');
    const opened = await openBackupFile(file, secret);
    const vault = await restoreBackup(opened, {
      destination: target,
      replaceExisting: false,
      now: new Date('2027-01-01T00:00:00Z'),
    });
    await vault.lock();
    const keys = await readKeyslotFile(nodeFs, target);
    expect(readFileSync(join(target, 'vault.db')).subarray(0, 16)).toEqual(
      Buffer.from(keys.dbSalt),
    );
    const again = await Vault.unlock(target, secret, { readOnly: true });
    try {
      expect(again.db.prepare('SELECT count(*) FROM case_notes').pluck().get()).toBe(3);
      expect(
        again.db
          .prepare("SELECT count(*) FROM audit_events WHERE action = 'backup.restored'")
          .pluck()
          .get(),
      ).toBe(1);
    } finally {
      await again.lock();
    }
    opened.close();
    expect(leftCopies()).toEqual([]);
  });
});

describe('a backup of the previous container version (the SQLCipher file sealed in a stream)', () => {
  it('still verifies and restores', async () => {
    const { dir, api } = await vaultAndBackup();
    await api.call('vault:lock', {});
    const vault = await Vault.unlock(join(dir, 'vault.confidant'), secret, { kdf: FAST_KDF });
    const copy = join(tempDir(), 'vault.db');
    vault.copyDatabaseFile(copy);
    const database = readFileSync(copy);
    const tables = Object.fromEntries(
      (
        vault.db
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .pluck()
          .all() as string[]
      ).map((name) => [
        name,
        vault.db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number,
      ]),
    );
    const payloadKey = await vault.deriveBackupKey();
    const sealed = await sealLegacyBackup(
      { chunkSize: 64 * 1024, slots: [...vault.keyslots] },
      payloadKey,
      {
        format: 2,
        createdAt: '2026-12-05T10:00:00.000Z',
        appVersion: '0.1.0',
        schemaVersion: vault.db.pragma('user_version', { simple: true }),
        vaultName: 'vault.confidant',
        opensWith: 'vault',
        tables,
        imageBytes: database.length,
      },
      database,
    );
    await vault.lock();
    const path = join(dir, 'older.confidant-backup');
    writeFileSync(path, sealed);
    const report = await verifyBackupFile(path, secret);
    expect(report.tables.find((t) => t.name === 'case_notes')?.rows).toBe(3);
    const opened = await openBackupFile(path, secret);
    const restored = await restoreBackup(opened, {
      destination: join(dir, 'FromOlder.confidant'),
      replaceExisting: false,
      now: new Date('2027-01-01T00:00:00Z'),
    });
    opened.close();
    expect(restored.db.prepare('SELECT count(*) FROM case_notes').pluck().get()).toBe(3);
    await restored.lock();
    expect(leftCopies()).toEqual([]);
  });
});
