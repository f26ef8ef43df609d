import { describe, expect, it, vi } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

/** Every master or payload key buffer the keyslot module hands to the vault. */
const handedOut = vi.hoisted(() => [] as Buffer[]);

vi.mock('../../electron/core/crypto/keyslots.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/core/crypto/keyslots.ts')>();
  const keep = <T extends Buffer | null>(key: T): T => {
    if (key) handedOut.push(key);
    return key;
  };
  return {
    ...original,
    generateMasterKey: () => keep(original.generateMasterKey()),
    derivePayloadKey: async (master: Uint8Array) => keep(await original.derivePayloadKey(master)),
    openWithPassphrase: async (...args: Parameters<typeof original.openWithPassphrase>) =>
      keep(await original.openWithPassphrase(...args)),
    openWithRecoverySecret: async (...args: Parameters<typeof original.openWithRecoverySecret>) =>
      keep(await original.openWithRecoverySecret(...args)),
    // An unlock opens its keyslot through openMasterKey (shared with backups).
    openMasterKey: async (...args: Parameters<typeof original.openMasterKey>) =>
      keep(await original.openMasterKey(...args)),
  };
});

const tempDir = useTempDir();

function allZero(buffer: Buffer): boolean {
  return buffer.every((byte) => byte === 0);
}

describe('locking wipes the keys', () => {
  it('zeroes the master key and the payload key of a created vault', async () => {
    handedOut.length = 0;
    const { vault } = await createTestVault(tempDir());
    expect(handedOut).toHaveLength(2);
    expect(handedOut.some(allZero)).toBe(false);
    await vault.lock();
    expect(handedOut.every(allZero)).toBe(true);
  });

  it('zeroes the keys of a vault opened with the passphrase or the recovery key', async () => {
    const { path, vault, recoveryKey } = await createTestVault(tempDir());
    await vault.lock();
    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey }]) {
      handedOut.length = 0;
      const reopened = await Vault.unlock(path, secret);
      expect(handedOut).toHaveLength(2);
      expect(handedOut.some(allZero)).toBe(false);
      await reopened.lock();
      expect(handedOut.every(allZero)).toBe(true);
    }
  });

  it('zeroes the keys when an unlock fails half-way (a damaged payload)', async () => {
    const { path, vault } = await createTestVault(tempDir());
    await vault.lock();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(path, bytes);
    handedOut.length = 0;
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'CORRUPT_VAULT',
    });
    expect(handedOut).toHaveLength(2);
    expect(handedOut.every(allZero)).toBe(true);
  });
});
