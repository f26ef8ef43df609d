/**
 * One writer per vault. An open format-2 vault holds FOLDER/vault.lock (JSON: pid, host,
 * since); a second opening — in this process or another — gets VAULT_IN_USE saying who holds
 * it. A lock left by a process that died is taken over; one from another computer or one that
 * cannot be read is refused. Behind the lock file SQLite holds the database exclusively.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { startVaultChild } from '../helpers/vault-child.ts';
import {
  createTestVault,
  getState,
  PASSPHRASE,
  readState,
  setState,
  vaultBytes,
} from '../helpers/vaults.ts';

const tempDir = useTempDir();

const FIXTURE = resolve(import.meta.dirname, '../fixtures/vault-v1.confidant');
const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
) as { passphrase: string };

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
  return { dir, path: created.path, lockFile: join(created.path, 'vault.lock') };
}

function writeLock(lockFile: string, owner: { pid: number; host: string }): void {
  writeFileSync(lockFile, JSON.stringify({ ...owner, since: '2026-01-01T00:00:00.000Z' }));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    const result = await promise;
    if (result instanceof Vault) await result.lock();
    return 'opened';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('one writer per vault', () => {
  it('holds FOLDER/vault.lock while open, naming this process, and removes it at lock', async () => {
    const { path, lockFile } = await lockedVault();
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    await vault.lock();
    expect(existsSync(lockFile)).toBe(false);
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
  });

  it('refuses a second opening in the same process, saying who holds it, and changes nothing', async () => {
    const { path, lockFile } = await lockedVault();
    const first = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const before = vaultBytes(path);
    const lockBefore = readFileSync(lockFile);
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { file: path, lockFile, pid: process.pid, host: hostname() },
    });
    await expect(
      Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true }),
    ).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    expect(vaultBytes(path).equals(before)).toBe(true);
    expect(readFileSync(lockFile).equals(lockBefore)).toBe(true);
    // The first opening is untouched by the refused ones.
    setState(first, 'still mine');
    await first.lock();
    expect(await readState(path)).toBe('still mine');
  });

  it('refuses an opening while another process has the vault open, and opens once it has locked', async () => {
    const { path, lockFile } = await lockedVault();
    const other = startVaultChild(['hold', path, PASSPHRASE]);
    try {
      await other.begin();
      expect(await other.nextLine()).toBe('open');
      await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
        code: 'VAULT_IN_USE',
        details: { file: path, lockFile, pid: other.pid, host: hostname() },
      });
      other.send('lock');
      expect(await other.nextLine()).toBe('locked');
      expect(await other.exited).toEqual({ code: 0, signal: null });
    } finally {
      await other.kill();
    }
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(getState(vault)).toBe('saved');
    await vault.lock();
  });

  it('another process is refused while this one has the vault open', async () => {
    const { path } = await lockedVault();
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const other = startVaultChild(['hold', path, PASSPHRASE]);
    try {
      await other.begin();
      expect(await other.nextLine()).toBe('error VAULT_IN_USE');
      expect(await other.exited).toEqual({ code: 0, signal: null });
    } finally {
      await other.kill();
      await vault.lock();
    }
  });

  it('behind the lock file, the database itself is held: with vault.lock deleted by hand, a second writer is still refused', async () => {
    const { path, lockFile } = await lockedVault();
    const other = startVaultChild(['hold', path, PASSPHRASE]);
    try {
      await other.begin();
      expect(await other.nextLine()).toBe('open');
      unlinkSync(lockFile);
      expect(await codeOf(Vault.unlock(path, { passphrase: PASSPHRASE }))).toBe('VAULT_IN_USE');
      other.send('lock');
      expect(await other.nextLine()).toBe('locked');
    } finally {
      await other.kill();
    }
    // The same in one process: a second connection to the database is refused too.
    const first = await Vault.unlock(path, { passphrase: PASSPHRASE });
    unlinkSync(lockFile);
    expect(await codeOf(Vault.unlock(path, { passphrase: PASSPHRASE }))).toBe('VAULT_IN_USE');
    await first.lock();
  });

  it('takes over the lock of a process that was killed while holding the vault', async () => {
    const { path, lockFile } = await lockedVault();
    const other = startVaultChild(['hold', path, PASSPHRASE]);
    try {
      await other.begin();
      expect(await other.nextLine()).toBe('open');
    } finally {
      await other.kill();
    }
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: other.pid });
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(getState(vault)).toBe('saved');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await vault.lock();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock file naming a process that has ended', async () => {
    const { path, lockFile } = await lockedVault();
    writeLock(lockFile, { pid: deadPid(), host: hostname() });
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await vault.lock();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a lock held on another computer (a shared folder), since it cannot tell whether that process lives', async () => {
    const { path, lockFile } = await lockedVault();
    writeLock(lockFile, { pid: deadPid(), host: 'laptop-of-a-colleague' });
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { file: path, lockFile, host: 'laptop-of-a-colleague' },
    });
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
      host: 'laptop-of-a-colleague',
    });
  });

  it('refuses an unreadable lock file (it may be being written right now)', async () => {
    const { path, lockFile } = await lockedVault();
    writeFileSync(lockFile, '');
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { lockFile, pid: 0 },
    });
    expect(readFileSync(lockFile, 'utf8')).toBe('');
  });

  it('takes over an unreadable lock file older than a minute (its writer died before writing it)', async () => {
    const { path, lockFile } = await lockedVault();
    writeFileSync(lockFile, '');
    const longAgo = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFile, longAgo, longAgo);
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    try {
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await vault.lock();
    }
  });

  it('leaves no lock file behind after a failed unlock, before or after taking the lock', async () => {
    const { path, lockFile } = await lockedVault();
    await expect(Vault.unlock(path, { passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(existsSync(lockFile)).toBe(false);
    // A damaged database fails after the lock was taken.
    const db = join(path, 'vault.db');
    const bytes = readFileSync(db);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(db, bytes);
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'CORRUPT_VAULT',
    });
    expect(existsSync(lockFile)).toBe(false);
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
  });

  it('two creations of the same vault at once: one wins, the other gets FILE_EXISTS and touches nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.confidant');
    const results = await Promise.allSettled(
      ['first passphrase', 'second passphrase'].map((passphrase) =>
        Vault.create(path, passphrase, { kdf: FAST_KDF }).then(async ({ vault }) => {
          await vault.lock();
          return passphrase;
        }),
      ),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ code: 'FILE_EXISTS' })]);
    const loser = won[0] === 'first passphrase' ? 'second passphrase' : 'first passphrase';
    expect(await codeOf(Vault.unlock(path, { passphrase: won[0]! }))).toBe('opened');
    expect(await codeOf(Vault.unlock(path, { passphrase: loser }))).toBe('WRONG_PASSPHRASE');
    expect(readdirSync(dir)).toEqual(['new.confidant']);
  });

  it('refuses to upgrade a format-1 vault that another process is upgrading (FILE.lock), changing nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'v.confidant');
    copyFileSync(FIXTURE, path);
    writeLock(`${path}.lock`, { pid: process.pid, host: hostname() });
    await expect(Vault.unlock(path, { passphrase: fixture.passphrase })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { lockFile: `${path}.lock`, pid: process.pid },
    });
    expect(readdirSync(dir).sort()).toEqual(['v.confidant', 'v.confidant.lock']);
    expect(readFileSync(path).equals(readFileSync(FIXTURE))).toBe(true);
  });
});

describe('the format-1 lock left by an upgrade killed after its renames', () => {
  it('is removed at the next unlock when its process has ended; a live one is left alone', async () => {
    const { dir, path } = await lockedVault();
    // The upgrade held FILE.lock (beside the file); FILE is a folder now, locking inside itself.
    writeLock(`${path}.lock`, { pid: deadPid(), host: hostname() });
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    await vault.lock();
    expect(readdirSync(dir).sort()).toEqual(['test.confidant']);

    writeLock(`${path}.lock`, { pid: process.pid, host: hostname() });
    const again = await Vault.unlock(path, { passphrase: PASSPHRASE });
    await again.lock();
    expect(readdirSync(dir).sort()).toEqual(['test.confidant', 'test.confidant.lock']);
  });
});

describe('read-only openings', () => {
  it('open where no lock file can be written (a write-protected stick), but a writable one does not', async () => {
    const { path, lockFile } = await lockedVault();
    const fs = faultyFs({ failOperations: { createExclusive: 'EROFS' } });
    expect(await readState(path, { fs })).toBe('saved');
    expect(existsSync(lockFile)).toBe(false);
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE }, { fs })).rejects.toMatchObject({
      code: 'NOT_WRITABLE',
    });
    expect(existsSync(lockFile)).toBe(false);
  });

  it('hold the lock too: a writer is refused while a reader has the vault open', async () => {
    const { path, lockFile } = await lockedVault();
    const reader = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
    await expect(Vault.unlock(path, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { lockFile, pid: process.pid },
    });
    expect(getState(reader)).toBe('saved');
    await reader.lock();
    expect(existsSync(lockFile)).toBe(false);
  });

  // A read-only SQLite connection to the vault's own WAL-mode file makes vault.db-shm and
  // vault.db-wal and leaves them (at 32abc43 it did; on a truly read-only medium it cannot make
  // them at all and the open fails with DATABASE_MISSING).
  it('change nothing on disk: after lock the folder holds exactly what it held before', async () => {
    const { path } = await lockedVault();
    const before = vaultBytes(path);
    expect(await readState(path)).toBe('saved');
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    expect(vaultBytes(path).equals(before)).toBe(true);
  });
});
