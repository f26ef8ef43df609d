import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

async function lockedVault() {
  const dir = tempDir();
  const created = await createTestVault(dir);
  setState(created.vault, 'saved');
  await created.vault.lock();
  return { dir, path: created.path, recoveryKey: created.recoveryKey };
}

describe('one writer per vault', () => {
  it('refuses a second opening while the vault is open, saying who holds it', async () => {
    const { dir, path } = await lockedVault();
    const first = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const before = snapshotDir(dir);
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { file: path, lockFile: `${path}.lock`, pid: process.pid, host: hostname() },
    });
    await expect(
      Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true }),
    ).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
    });
    expect(snapshotDir(dir)).toEqual(before);
    await first.lock();
  });

  it('takes over a lock left by a process that has died', async () => {
    const { path } = await lockedVault();
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }),
    );
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await vault.lock();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a lock held on another computer (a shared folder), since it cannot tell whether that process lives', async () => {
    const { path } = await lockedVault();
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({
        pid: deadPid(),
        host: 'laptop-of-a-colleague',
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { host: 'laptop-of-a-colleague' },
    });
  });

  it('refuses an unreadable lock file (it may be being written right now)', async () => {
    const { path } = await lockedVault();
    writeFileSync(`${path}.lock`, '');
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { pid: 0 },
    });
  });

  it('refuses to create a vault where another process is creating one', async () => {
    const dir = tempDir();
    const path = `${dir}/new.confidant`;
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    await expect(Vault.create(path, PASSPHRASE, { kdf: FAST_KDF })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
    });
    expect(existsSync(path)).toBe(false);
  });

  it('leaves no lock file behind after a failed unlock', async () => {
    const { path } = await lockedVault();
    await expect(Vault.unlock(path, { passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('opens read-only where no lock file can be written (a write-protected stick), but not for writing', async () => {
    const { path } = await lockedVault();
    const fs = faultyFs({ failOperations: { createExclusive: 'EROFS' } });
    expect(await readState(path, { fs })).toBe('saved');
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE }, { fs })).rejects.toMatchObject({
      code: 'NOT_WRITABLE',
    });
  });
});
