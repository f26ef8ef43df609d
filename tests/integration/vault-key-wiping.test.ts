/**
 * Locking wipes the keys. A stand-in for keyslots.ts records every key buffer it hands out
 * (master keys, database and payload subkeys) and every master key handed to it (so the
 * vault's own copy — after create, unlock, re-key or a format-1 upgrade — is seen too, by
 * asking the open vault for a subkey). While the vault is open the master key is live and each
 * database key is already zero (it is only needed to open the database); after lock, or after
 * an unlock that failed half-way, every one of them is zero.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

interface SeenKey {
  label: string;
  key: Uint8Array;
}

/** Every key buffer that went through the keyslot module, in or out. */
const seen = vi.hoisted(() => [] as SeenKey[]);

vi.mock('../../electron/core/crypto/keyslots.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/core/crypto/keyslots.ts')>();
  const keep = <T extends Uint8Array | null>(label: string, key: T): T => {
    if (key) seen.push({ label, key });
    return key;
  };
  return {
    ...original,
    generateMasterKey: () => keep('generated master key', original.generateMasterKey()),
    openWithPassphrase: async (...args: Parameters<typeof original.openWithPassphrase>) =>
      keep('master key from a passphrase', await original.openWithPassphrase(...args)),
    openWithRecoverySecret: async (...args: Parameters<typeof original.openWithRecoverySecret>) =>
      keep('master key from a recovery key', await original.openWithRecoverySecret(...args)),
    // An unlock opens its keyslot through openMasterKey (shared with backups).
    openMasterKey: async (...args: Parameters<typeof original.openMasterKey>) =>
      keep('master key from openMasterKey', await original.openMasterKey(...args)),
    derivePayloadKey: async (...args: Parameters<typeof original.derivePayloadKey>) => {
      keep('master key given for a subkey', args[0]);
      return keep('payload key', await original.derivePayloadKey(...args));
    },
    deriveDatabaseKey: async (master: Uint8Array) => {
      keep('master key given for the database key', master);
      return keep('database key', await original.deriveDatabaseKey(master));
    },
    createPassphraseSlot: async (...args: Parameters<typeof original.createPassphraseSlot>) => {
      keep('master key given to a passphrase slot', args[1]);
      return original.createPassphraseSlot(...args);
    },
    createRecoverySlot: async (...args: Parameters<typeof original.createRecoverySlot>) => {
      keep('recovery secret', args[0]);
      keep('master key given to a recovery slot', args[1]);
      return original.createRecoverySlot(...args);
    },
  };
});

const tempDir = useTempDir();

const FIXTURE = resolve(import.meta.dirname, '../fixtures/vault-v1.confidant');
const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
) as { passphrase: string; recoveryKey: string };

const isZero = (key: Uint8Array) => key.every((byte) => byte === 0);

/** The labels of the keys seen that are not all zeros. */
function notWiped(): string[] {
  return seen.filter(({ key }) => !isZero(key)).map(({ label }) => label);
}

/**
 * Makes the open vault hand its own master key to the stand-in (it derives a backup key from
 * it), returns that live buffer, and wipes the derived key as a caller must.
 */
async function masterKeyOf(vault: Vault): Promise<Uint8Array> {
  const backupKey = await vault.deriveBackupKey();
  backupKey.fill(0);
  const given = seen.filter(({ label }) => label === 'master key given for a subkey').at(-1);
  if (!given) throw new Error('the vault did not hand over its master key');
  return given.key;
}

/** While open: the master key is live, and every database key has already been wiped. */
async function expectOpenState(vault: Vault): Promise<void> {
  const master = await masterKeyOf(vault);
  expect(isZero(master)).toBe(false);
  const databaseKeys = seen.filter(({ label }) => label === 'database key');
  expect(databaseKeys.length).toBeGreaterThan(0);
  expect(databaseKeys.filter(({ key }) => !isZero(key))).toEqual([]);
}

describe('locking wipes the keys', () => {
  it('of a created vault', async () => {
    seen.length = 0;
    const { vault } = await createTestVault(tempDir());
    expect(seen.map(({ label }) => label)).toContain('generated master key');
    // The recovery secret is wiped as soon as its slot is made.
    expect(
      seen.filter(({ label }) => label === 'recovery secret').every(({ key }) => isZero(key)),
    ).toBe(true);
    await expectOpenState(vault);
    await vault.lock();
    expect(notWiped()).toEqual([]);
  });

  it('of a vault opened with the passphrase or the recovery key', async () => {
    const { path, vault, recoveryKey } = await createTestVault(tempDir());
    await vault.lock();
    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey }]) {
      seen.length = 0;
      const reopened = await Vault.unlock(path, secret);
      expect(seen.map(({ label }) => label)).toContain('master key from openMasterKey');
      await expectOpenState(reopened);
      await reopened.lock();
      expect(notWiped()).toEqual([]);
    }
  });

  it('after a passphrase change and a re-key (the new master key included)', async () => {
    const { path, vault } = await createTestVault(tempDir());
    await vault.lock();
    seen.length = 0;
    const reopened = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    const before = await masterKeyOf(reopened);
    await reopened.changePassphrase('a changed passphrase');
    await reopened.rekey('a passphrase after the re-key');
    // The old master key is gone at once; the vault works on with a copy of the new one.
    expect(isZero(before)).toBe(true);
    await expectOpenState(reopened);
    await reopened.lock();
    expect(notWiped()).toEqual([]);
  });

  it('of a format-1 vault upgraded on unlock, and of one opened read-only', async () => {
    for (const readOnly of [false, true]) {
      const path = join(tempDir(), 'v.confidant');
      copyFileSync(FIXTURE, path);
      seen.length = 0;
      const vault = await Vault.unlock(path, { passphrase: fixture.passphrase }, { readOnly });
      expect(vault.formatVersion).toBe(readOnly ? 1 : 2);
      expect(isZero(await masterKeyOf(vault))).toBe(false);
      // The payload key that decrypted the format-1 image is needed no more.
      expect(
        seen.filter(({ label }) => label === 'payload key')[0]?.key.every((b) => b === 0),
      ).toBe(true);
      await vault.lock();
      expect(notWiped()).toEqual([]);
    }
  });

  it('when an unlock fails half-way (a damaged database)', async () => {
    const { path, vault } = await createTestVault(tempDir());
    await vault.lock();
    const file = join(path, 'vault.db');
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(file, bytes);
    seen.length = 0;
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'CORRUPT_VAULT',
    });
    const labels = seen.map(({ label }) => label);
    expect(labels).toContain('master key from openMasterKey');
    expect(labels).toContain('database key');
    expect(notWiped()).toEqual([]);
  });

  it('when the unlock of a damaged format-1 vault fails half-way', async () => {
    const path = join(tempDir(), 'v.confidant');
    const damaged = readFileSync(FIXTURE);
    damaged[damaged.length - 1]! ^= 1;
    writeFileSync(path, damaged);
    for (const readOnly of [true, false]) {
      seen.length = 0;
      await expect(
        Vault.unlock(path, { passphrase: fixture.passphrase }, { readOnly }),
      ).rejects.toMatchObject({ code: 'CORRUPT_VAULT' });
      expect(seen.map(({ label }) => label)).toContain('payload key');
      expect(notWiped()).toEqual([]);
    }
  });
});
