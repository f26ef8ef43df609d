/**
 * An unlock reads the file in the background while the key is derived and chunks are
 * decrypted. A read that fails or comes up short must end the unlock cleanly: the right
 * error, nothing decrypted left behind, the lock file released, nothing on disk changed.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setSetting } from '../../electron/core/repos/settings.ts';
import { startBackgroundRead } from '../../electron/core/vault/background-read.ts';
import { nodeFs } from '../../electron/core/vault/fs-port.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

/** A vault of several megabytes, so the background read takes several pieces. */
async function bigVault() {
  const dir = tempDir();
  const { path, vault } = await createTestVault(dir);
  const filler = 'x'.repeat(9000);
  for (let i = 0; i < 2000; i++) setSetting(vault.db, `filler.${i}`, filler);
  setState(vault, 'big');
  await vault.lock();
  return { dir, path, size: statSync(path).size };
}

describe('reading in the background', () => {
  it('opens a multi-piece vault, reading while deriving the key', async () => {
    const { path, size } = await bigVault();
    expect(size).toBeGreaterThan(16 * 1024 * 1024);
    const fs = faultyFs({});
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { fs, readOnly: true });
    const reads = fs.log.filter((entry) => entry.startsWith('read '));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(vault.unlockStats.readMs).toBeGreaterThan(0);
    expect(vault.unlockStats.totalMs).toBeGreaterThanOrEqual(vault.unlockStats.kdfMs);
    await vault.lock();
  });

  it('a read error part-way: IO_ERROR, lock released, nothing on disk changed', async () => {
    const { dir, path } = await bigVault();
    const before = snapshotDir(dir);
    const fs = faultyFs({});
    // Let the first two reads through, then fail.
    let reads = 0;
    const failing = {
      ...fs,
      async openForReading(file: string) {
        const opened = await fs.openForReading(file);
        return {
          size: opened.size,
          read: (into: Buffer, offset: number, length: number, position: number) =>
            ++reads > 2
              ? Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
              : opened.read(into, offset, length, position),
          close: () => opened.close(),
        };
      },
    };
    await expect(
      Vault.unlock(path, { passphrase: PASSPHRASE }, { fs: failing }),
    ).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(snapshotDir(dir)).toEqual(before);
    expect(await readState(path)).toBe('big');
  });

  it('a file cut short while it is read: TRUNCATED_VAULT', async () => {
    const { path, size } = await bigVault();
    const fs = faultyFs({ shrinkTo: Math.floor(size / 2) });
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE }, { fs })).rejects.toMatchObject({
      code: 'TRUNCATED_VAULT',
    });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a wrong passphrase stops the read and closes the file', async () => {
    const { path } = await bigVault();
    await expect(Vault.unlock(path, { passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('stop() ends a read early and rejects whoever is still waiting', async () => {
    const { path, size } = await bigVault();
    const reading = await startBackgroundRead(nodeFs, path);
    // Either the read finishes first (a small race) or the waiter is told it stopped.
    const outcome = reading.until(size).then(
      () => 'finished',
      (error: unknown) => String(error),
    );
    await reading.stop();
    const result = await outcome;
    if (result === 'finished') expect(Number.isNaN(reading.elapsedMs)).toBe(false);
    else expect(result).toMatch(/stopped/);
  });

  it('reads a file exactly', async () => {
    const { path } = await bigVault();
    const reading = await startBackgroundRead(nodeFs, path);
    await reading.until(reading.bytes.length);
    const { readFileSync } = await import('node:fs');
    expect(reading.bytes.equals(readFileSync(path))).toBe(true);
    await reading.stop();
  });

  it('reports a missing file or a folder as the user needs', async () => {
    const dir = tempDir();
    await expect(startBackgroundRead(nodeFs, join(dir, 'missing'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    await expect(startBackgroundRead(nodeFs, dir)).rejects.toMatchObject({ code: 'NOT_A_VAULT' });
  });
});
