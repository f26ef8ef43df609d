import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContainer, headerChecksum } from '../../electron/core/crypto/container.ts';
import { DEFAULT_ARGON2 } from '../../electron/core/crypto/kdf.ts';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate.ts';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import {
  getSetting,
  SETTING_CREATED_AT,
  SETTING_CREATED_BY_VERSION,
} from '../../electron/core/repos/settings.ts';
import { inspectVaultFile } from '../../electron/core/vault/inspect.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { readFile } from 'node:fs/promises';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

describe('creating a vault', () => {
  it('writes one encrypted file and returns the vault unlocked, with a recovery key', async () => {
    const { path, vault, recoveryKey } = await createTestVault(tempDir());
    expect(existsSync(path)).toBe(true);
    expect(vault.isLocked).toBe(false);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(getSetting(vault.db, SETTING_CREATED_BY_VERSION)).toBe('0.1.0');
    expect(getSetting(vault.db, SETTING_CREATED_AT)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(listAuditEvents(vault.db).map((e) => e.action)).toEqual(['vault.created']);
    expect(schemaVersion(vault.db)).toBe(latestSchemaVersion());
    await vault.lock();
  });

  it.skipIf(process.platform === 'win32')('makes the file readable by its owner only', async () => {
    const { path, vault } = await createTestVault(tempDir());
    await vault.save();
    await vault.lock();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.1`).mode & 0o777).toBe(0o600);
  });

  it('uses Argon2id with 3 passes and 256 MiB by default, stored in the passphrase slot', async () => {
    const path = join(tempDir(), 'default.confidant');
    const { vault } = await Vault.create(path, PASSPHRASE);
    await vault.lock();
    const info = await inspectVaultFile(path);
    expect(info.slots).toEqual([{ type: 'passphrase', ...DEFAULT_ARGON2 }, { type: 'recovery' }]);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    const { path, vault } = await createTestVault(dir);
    await vault.lock();
    const before = snapshotDir(dir);
    expect(await rejection(Vault.create(path, PASSPHRASE, { kdf: FAST_KDF }))).toMatchObject({
      code: 'FILE_EXISTS',
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a folder that does not exist, creating nothing', async () => {
    const dir = tempDir();
    const error = await rejection(
      Vault.create(join(dir, 'missing', 'v.confidant'), PASSPHRASE, { kdf: FAST_KDF }),
    );
    expect(error).toMatchObject({ code: 'FOLDER_NOT_FOUND' });
    expect(snapshotDir(dir)).toEqual({});
  });

  it.each([
    ['', 'PASSPHRASE_EMPTY'],
    ['   ', 'PASSPHRASE_EMPTY'],
    ['short', 'PASSPHRASE_TOO_SHORT'],
  ])('refuses the passphrase %j with %s, creating nothing', async (passphrase, code) => {
    const dir = tempDir();
    expect(
      await rejection(Vault.create(join(dir, 'v.confidant'), passphrase, { kdf: FAST_KDF })),
    ).toMatchObject({ code });
    expect(snapshotDir(dir)).toEqual({});
  });

  it('takes a Cyrillic passphrase', async () => {
    const path = join(tempDir(), 'ru.confidant');
    const passphrase = 'съешь же ещё этих мягких французских булок';
    const { vault } = await Vault.create(path, passphrase, { kdf: FAST_KDF });
    await vault.lock();
    const reopened = await Vault.unlock(path, { passphrase });
    expect(reopened.isLocked).toBe(false);
    await reopened.lock();
  });
});

describe('unlocking', () => {
  it('opens with the passphrase and finds what was saved', async () => {
    const { path, vault } = await createTestVault(tempDir());
    setState(vault, 'saved state');
    await vault.lock();
    const reopened = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(getState(reopened)).toBe('saved state');
    expect(reopened.unlockStats.fileBytes).toBeGreaterThan(0);
    expect(reopened.unlockStats.kdfMs).toBeGreaterThan(0);
    await reopened.lock();
  });

  it('opens with the recovery key, however it is typed', async () => {
    const { path, vault, recoveryKey } = await createTestVault(tempDir());
    setState(vault, 'recovered');
    await vault.lock();
    for (const typed of [
      recoveryKey,
      recoveryKey.toLowerCase(),
      recoveryKey.replaceAll('-', ' '),
    ]) {
      const reopened = await Vault.unlock(path, { recoveryKey: typed });
      expect(getState(reopened)).toBe('recovered');
      await reopened.lock();
    }
  });

  it('says WRONG_PASSPHRASE, WRONG_RECOVERY_KEY or RECOVERY_KEY_MALFORMED, naming the file', async () => {
    const dir = tempDir();
    const { path, vault } = await createTestVault(dir);
    await vault.lock();
    const other = await createTestVault(dir, {}, 'other.confidant');
    await other.vault.lock();
    const before = snapshotDir(dir);
    expect(await rejection(Vault.unlock(path, { passphrase: 'not the passphrase' }))).toMatchObject(
      {
        code: 'WRONG_PASSPHRASE',
        details: { file: path },
      },
    );
    expect(await rejection(Vault.unlock(path, { recoveryKey: other.recoveryKey }))).toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
      details: { file: path },
    });
    expect(await rejection(Vault.unlock(path, { recoveryKey: 'ABCD-EFGH' }))).toMatchObject({
      code: 'RECOVERY_KEY_MALFORMED',
      details: { file: path },
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('says FILE_NOT_FOUND for a missing file', async () => {
    const path = join(tempDir(), 'nowhere.confidant');
    expect(await rejection(Vault.unlock(path, { passphrase: PASSPHRASE }))).toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });

  it('upgrades an older schema on unlock and saves the upgrade', async () => {
    const { path, vault } = await createTestVault(tempDir());
    // Make the saved image look like a vault from before the first migration.
    const tables = vault.db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'",
      )
      .pluck()
      .all() as string[];
    vault.db.pragma('foreign_keys = OFF');
    for (const table of tables) vault.db.exec(`DROP TABLE "${table}"`);
    vault.db.pragma('user_version = 0');
    await vault.save();
    await vault.lock();
    const upgraded = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(schemaVersion(upgraded.db)).toBe(latestSchemaVersion());
    await upgraded.lock();
    const fs = faultyFs({});
    const readOnly = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true, fs });
    expect(schemaVersion(readOnly.db)).toBe(latestSchemaVersion());
    await readOnly.lock();
  });

  it('refuses a vault whose schema is newer than this version knows, leaving it untouched', async () => {
    const dir = tempDir();
    const { path, vault } = await createTestVault(dir);
    vault.db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    await vault.save();
    await vault.lock();
    const before = snapshotDir(dir);
    expect(await rejection(Vault.unlock(path, { passphrase: PASSPHRASE }))).toMatchObject({
      code: 'NEWER_VERSION',
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('opens read-only without writing anything, and refuses to save', async () => {
    const dir = tempDir();
    const { path, vault } = await createTestVault(dir);
    await vault.lock();
    const before = snapshotDir(dir);
    const readOnly = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
    setState(readOnly, 'changed in memory');
    expect(await rejection(readOnly.save())).toMatchObject({ code: 'VAULT_READ_ONLY' });
    await readOnly.lock();
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('saving', () => {
  it('tracks unsaved changes', async () => {
    const { vault } = await createTestVault(tempDir());
    expect(vault.hasUnsavedChanges()).toBe(false);
    setState(vault, 'dirty');
    expect(vault.hasUnsavedChanges()).toBe(true);
    await vault.save();
    expect(vault.hasUnsavedChanges()).toBe(false);
    await vault.lock();
  });

  it('groups saves requested while one is running into one more write, and loses none', async () => {
    const fs = faultyFs({});
    const { path, vault } = await createTestVault(tempDir(), { fs });
    const writesBefore = fs.log.filter((entry) => entry.startsWith('syncFolder')).length;
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      setState(vault, `state ${i}`);
      saves.push(vault.save());
    }
    await Promise.all(saves);
    const writes = fs.log.filter((entry) => entry.startsWith('syncFolder')).length - writesBefore;
    expect(writes).toBeLessThanOrEqual(2);
    await vault.lock();
    expect(await readState(path)).toBe('state 9');
  });

  it('saves pending changes when locking', async () => {
    const { path, vault } = await createTestVault(tempDir());
    setState(vault, 'unsaved when lock was pressed');
    await vault.lock();
    expect(await readState(path)).toBe('unsaved when lock was pressed');
  });
});

describe('changing the passphrase', () => {
  it('rewraps the key only: the old passphrase stops working, the new one and the recovery key open the same data', async () => {
    const { path, vault, recoveryKey } = await createTestVault(tempDir());
    setState(vault, 'kept');
    await vault.save();
    const checksum = await headerChecksum();
    const recoverySlotBefore = parseContainer(await readFile(path), { file: path }, checksum).header
      .slots[1];
    await vault.changePassphrase('a brand new passphrase');
    await vault.lock();
    const recoverySlotAfter = parseContainer(await readFile(path), { file: path }, checksum).header
      .slots[1];
    // Same recovery slot, still opening the file: the master key did not change.
    expect(recoverySlotAfter).toEqual(recoverySlotBefore);
    expect(await rejection(Vault.unlock(path, { passphrase: PASSPHRASE }))).toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    for (const secret of [{ passphrase: 'a brand new passphrase' }, { recoveryKey }]) {
      const reopened = await Vault.unlock(path, secret);
      expect(getState(reopened)).toBe('kept');
      expect(listAuditEvents(reopened.db).map((e) => e.action)).toContain(
        'vault.passphrase_changed',
      );
      await reopened.lock();
    }
  });

  it('refuses a weak new passphrase and changes nothing', async () => {
    const dir = tempDir();
    const { vault } = await createTestVault(dir);
    await vault.save();
    const before = snapshotDir(dir);
    expect(await rejection(vault.changePassphrase('short'))).toMatchObject({
      code: 'PASSPHRASE_TOO_SHORT',
    });
    expect(snapshotDir(dir)).toEqual(before);
    await vault.lock();
  });
});

describe('locking', () => {
  it('closes the database and refuses further use with VAULT_LOCKED', async () => {
    const { vault } = await createTestVault(tempDir());
    const db = vault.db;
    await vault.lock();
    expect(vault.isLocked).toBe(true);
    expect(db.open).toBe(false);
    expect(() => vault.db).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(await rejection(vault.save())).toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await rejection(vault.changePassphrase('another passphrase'))).toMatchObject({
      code: 'VAULT_LOCKED',
    });
    await vault.lock(); // locking twice is harmless
  });

  it('releases the lock file, so the vault can be opened again', async () => {
    const { path, vault } = await createTestVault(tempDir());
    expect(existsSync(`${path}.lock`)).toBe(true);
    await vault.lock();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
