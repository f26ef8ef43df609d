/**
 * Faults in the middle of a save: a crash at every file operation, a write that stops after N
 * bytes, a full disk, a folder that turned read-only. After each, the vault must open to the
 * last saved state or the one being saved, and a save that failed must say so.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { listFiles, snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs, type FaultPlan } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

/** How the next process opens the vault after a crash: the old lock holder is gone. */
const AFTER_CRASH: VaultOptions = { lock: { isProcessAlive: () => false } };

/** A vault on disk holding state 'B' (FILE.1 holds 'A'), open through a faulty file system. */
async function openVaultOnFaultyDisk(extraPlan: FaultPlan = {}) {
  const dir = tempDir();
  const created = await createTestVault(dir);
  for (const state of ['A', 'B']) {
    setState(created.vault, state);
    await created.vault.save();
  }
  await created.vault.lock();
  const fs = faultyFs(extraPlan);
  const vault = await Vault.unlock(created.path, { passphrase: PASSPHRASE }, { fs, kdf: FAST_KDF });
  return { dir, path: created.path, recoveryKey: created.recoveryKey, vault, fs };
}

/** Abandons a vault object as a dying process would: no lock(), no cleanup. */
function die(vault: Vault): void {
  vault.db.close();
}

async function stateAfterCrash(path: string): Promise<string | undefined> {
  const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, AFTER_CRASH);
  try {
    return getState(vault);
  } finally {
    await vault.lock();
  }
}

/** How many file operations a save takes on this path (so every one of them can be crashed). */
async function operationsPerSave(plan: FaultPlan = {}): Promise<number> {
  const { vault, fs } = await openVaultOnFaultyDisk();
  setState(vault, 'C');
  fs.arm(plan);
  await vault.save();
  const count = fs.operations;
  await vault.lock();
  return count;
}

describe('a crash at any point of a save', () => {
  for (const [name, basePlan] of [
    ['with hard links', {}],
    ['on a file system without hard links', { failOperations: { link: 'EPERM' } }],
  ] as const) {
    it(`${name}: the vault opens to the last saved state or to the new one, never to anything else`, async () => {
      const total = await operationsPerSave(basePlan);
      expect(total).toBeGreaterThanOrEqual(9);
      const seen = new Set<string | undefined>();
      for (let k = 0; k < total; k++) {
        const { dir, path, vault, fs } = await openVaultOnFaultyDisk();
        setState(vault, 'C');
        fs.arm({ ...basePlan, crashAtOperation: k });
        await expect(vault.save(), `crash at operation ${k}`).rejects.toBeDefined();
        die(vault);
        const state = await stateAfterCrash(path);
        expect(['B', 'C'], `crash at operation ${k}: ${fs.log.at(-1) ?? ''}`).toContain(state);
        seen.add(state);
        // Every previous copy left is a whole vault too. (A crash between rotating FILE.1 to
        // FILE.2 and linking the new FILE.1 leaves no FILE.1 until the next save.)
        for (const copy of [`${path}.1`, `${path}.2`].filter((p) => existsSync(p))) {
          expect(['created', 'A', 'B', 'C'], copy).toContain((await readState(copy)) ?? 'created');
        }
        expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
      }
      // Crashes before the final rename keep B; crashes after it (folder sync) have C.
      expect(seen).toEqual(new Set(['B', 'C']));
    });
  }

  it('during a passphrase change: exactly one of the old and new passphrases opens, and the recovery key always does', async () => {
    const total = await operationsPerSave();
    for (let k = 0; k < total; k++) {
      const { path, vault, fs, recoveryKey } = await openVaultOnFaultyDisk();
      fs.arm({ crashAtOperation: k });
      await expect(vault.changePassphrase('the new passphrase')).rejects.toBeDefined();
      die(vault);
      const opens = async (passphrase: string) =>
        Vault.unlock(path, { passphrase }, { ...AFTER_CRASH, readOnly: true }).then(
          async (v) => {
            await v.lock();
            return true;
          },
          () => false,
        );
      expect(
        [await opens(PASSPHRASE), await opens('the new passphrase')].filter(Boolean),
        `crash at ${k}`,
      ).toHaveLength(1);
      const viaRecovery = await Vault.unlock(
        path,
        { recoveryKey },
        { ...AFTER_CRASH, readOnly: true },
      );
      expect(getState(viaRecovery)).toBe('B');
      await viaRecovery.lock();
    }
  });
});

describe('a write that stops after N bytes', () => {
  async function fileSize(): Promise<number> {
    const { path, vault } = await openVaultOnFaultyDisk();
    await vault.lock();
    const { statSync } = await import('node:fs');
    return statSync(path).size;
  }

  it('as a crash, for many N: the vault always opens to the last saved state', async () => {
    const size = await fileSize();
    const cuts = new Set([0, 1, 8, 100, 260, 261, 262, 400, 4096, size - 17, size - 1]);
    // About 60 cuts spread over the file (every 997 bytes while the vault is small): the
    // empty vault grows with each migration, and every cut is a full open, save and crash.
    const step = Math.max(997, Math.ceil(size / 60));
    for (let n = step; n < size; n += step) cuts.add(n);
    for (const n of [...cuts].filter((cut) => cut < size)) {
      const { path, vault, fs } = await openVaultOnFaultyDisk();
      setState(vault, 'C');
      fs.arm({ failAfterBytes: n, crashAfterByteFault: true, errorCode: 'EIO' });
      await expect(vault.save(), `cut after ${n} bytes`).rejects.toBeDefined();
      die(vault);
      expect(await stateAfterCrash(path), `cut after ${n} bytes`).toBe('B');
    }
  }, 120_000);

  it('as a full disk: the save fails with DISK_FULL, the file is untouched, and the change waits in memory', async () => {
    const { dir, path, vault, fs } = await openVaultOnFaultyDisk();
    const before = snapshotDir(dir);
    setState(vault, 'C');
    fs.arm({ failAfterBytes: 5000 });
    await expect(vault.save()).rejects.toMatchObject({
      code: 'DISK_FULL',
      details: { file: path },
    });
    expect(snapshotDir(dir)).toEqual(before);
    expect(vault.hasUnsavedChanges()).toBe(true);
    expect(getState(vault)).toBe('C');
    fs.arm({}); // space was freed
    await vault.save();
    await vault.lock();
    expect(await readState(path)).toBe('C');
  });
});

describe('locking while saves fail', () => {
  it('stays unlocked (UNSAVED_CHANGES) rather than throw changes away, unless told to discard them', async () => {
    const { path, vault, fs } = await openVaultOnFaultyDisk();
    setState(vault, 'C');
    fs.arm({ failAfterBytes: 0 });
    await expect(vault.lock()).rejects.toMatchObject({ code: 'UNSAVED_CHANGES' });
    expect(vault.isLocked).toBe(false);
    await vault.lock({ discardUnsaved: true });
    expect(vault.isLocked).toBe(true);
    expect(await readState(path)).toBe('B');
  });
});

describe('creating a vault on a full disk or in a read-only folder', () => {
  it('fails with DISK_FULL and leaves nothing behind', async () => {
    const dir = tempDir();
    const fs = faultyFs({ failAfterBytes: 1000 });
    await expect(
      Vault.create(`${dir}/v.confidant`, PASSPHRASE, { kdf: FAST_KDF, fs }),
    ).rejects.toMatchObject({
      code: 'DISK_FULL',
    });
    expect(listFiles(dir)).toEqual([]);
  });

  it('fails with NOT_WRITABLE and leaves nothing behind', async () => {
    const dir = tempDir();
    const fs = faultyFs({ failOperations: { createExclusive: 'EROFS' } });
    await expect(
      Vault.create(`${dir}/v.confidant`, PASSPHRASE, { kdf: FAST_KDF, fs }),
    ).rejects.toMatchObject({
      code: 'NOT_WRITABLE',
    });
    expect(listFiles(dir)).toEqual([]);
  });
});

describe('a folder that turns read-only while the vault is open', () => {
  it.each(['EROFS', 'EACCES', 'EPERM'])(
    '%s: the save fails with NOT_WRITABLE, nothing is lost',
    async (code) => {
      const { dir, path, vault, fs } = await openVaultOnFaultyDisk();
      const before = snapshotDir(dir);
      setState(vault, 'C');
      fs.arm({ failOperations: { createExclusive: code } });
      await expect(vault.save()).rejects.toMatchObject({ code: 'NOT_WRITABLE' });
      expect(snapshotDir(dir)).toEqual(before);
      expect(getState(vault)).toBe('C');
      fs.arm({});
      await vault.lock();
      expect(await readState(path)).toBe('C');
    },
  );

  it('a failed passphrase change leaves the old passphrase working, in the file and in memory', async () => {
    const { path, vault, fs } = await openVaultOnFaultyDisk();
    fs.arm({ failAfterBytes: 10 });
    await expect(vault.changePassphrase('the new passphrase')).rejects.toMatchObject({
      code: 'DISK_FULL',
    });
    fs.arm({});
    setState(vault, 'C');
    await vault.save(); // written with the old passphrase slot
    await vault.lock();
    expect(await readState(path)).toBe('C');
  });
});
