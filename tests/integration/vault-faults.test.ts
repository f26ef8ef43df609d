/**
 * Faults in the file operations the vault still does itself (through FsPort): making the
 * folder and writing `keys` when a vault is created, rewriting `keys` on a passphrase change,
 * writing `keys.next` and renaming it on a re-key, building and renaming folders when a
 * format-1 vault is upgraded. (Commits are SQLite's own I/O: vault-crash.test.ts kills real
 * processes for those.) After every fault: a clear error code, and nothing that was there
 * before is lost — the old secrets still open, a failed create leaves no folder, a failed
 * upgrade leaves the format-1 file as it was.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { getSetting } from '../../electron/core/repos/settings.ts';
import { nodeFs, type FsPort } from '../../electron/core/vault/fs-port.ts';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { failOnceFs } from '../helpers/fail-once-fs.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

const NEW_PASSPHRASE = 'the new passphrase';
const FIXTURE = resolve(import.meta.dirname, '../fixtures/vault-v1.confidant');
const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
) as { passphrase: string; recoveryKey: string; note: string; auditEvents: number };

/** How the next process opens the vault after a crash: the old lock holder is gone. */
const AFTER_CRASH: VaultOptions = { lock: { isProcessAlive: () => false } };

/** Abandons a vault object as a dying process would: no lock(), no cleanup. */
function die(vault: Vault): void {
  if (!vault.isLocked) vault.db.close();
}

type Secret = { passphrase: string } | { recoveryKey: string };

/** 'opened STATE', or the code the unlock failed with. */
async function tryUnlock(path: string, secret: Secret, options: VaultOptions = {}) {
  try {
    const vault = await Vault.unlock(path, secret, options);
    const state = getState(vault);
    await vault.lock();
    return `opened ${state ?? ''}`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** One locked vault holding state 'B', made once; each test works on a copy of it. */
const templateDir = mkdtempSync(join(tmpdir(), 'confidant-faults-template-'));
afterAll(() => {
  rmSync(templateDir, { recursive: true, force: true });
});
let template: Promise<{ path: string; recoveryKey: string }> | undefined;

async function copyOfTemplate(): Promise<{ dir: string; path: string; recoveryKey: string }> {
  template ??= createTestVault(templateDir).then(async ({ path, vault, recoveryKey }) => {
    setState(vault, 'B');
    await vault.lock();
    return { path, recoveryKey };
  });
  const { path: source, recoveryKey } = await template;
  const dir = tempDir();
  const path = join(dir, 'test.confidant');
  cpSync(source, path, { recursive: true });
  return { dir, path, recoveryKey };
}

/** A file system whose every operation goes to `current`: a test swaps faults in and out. */
function switchableFs(): FsPort & { current: FsPort } {
  const fs = {
    current: nodeFs,
    readFile: (p: string) => fs.current.readFile(p),
    openForReading: (p: string) => fs.current.openForReading(p),
    createExclusive: (p: string) => fs.current.createExclusive(p),
    rename: (from: string, to: string) => fs.current.rename(from, to),
    unlink: (p: string) => fs.current.unlink(p),
    readdir: (p: string) => fs.current.readdir(p),
    exists: (p: string) => fs.current.exists(p),
    syncFolder: (p: string) => fs.current.syncFolder(p),
    makeFolder: (p: string) => fs.current.makeFolder(p),
    removeFolder: (p: string) => fs.current.removeFolder(p),
    kindOf: (p: string) => fs.current.kindOf(p),
  };
  return fs;
}

/**
 * A copy of the template (state 'B'), opened (with its recovery key: no Argon2id) through a
 * file system that does not fail until the test swaps a fault in.
 */
async function openVaultOnFaultyDisk() {
  const { dir, path, recoveryKey } = await copyOfTemplate();
  const fs = switchableFs();
  const vault = await Vault.unlock(path, { recoveryKey }, { fs, kdf: FAST_KDF });
  return { dir, path, recoveryKey, vault, fs };
}

function leftoverTemporaries(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes('.tmp-'));
}

/**
 * nodeFs where one operation fails with `code` whenever `matches` accepts its path; 'write'
 * fails a write to a matching new file half-way (half of the bytes are written for real),
 * 'sync' fails flushing a matching new file.
 */
function failingFs(
  op: 'makeFolder' | 'createExclusive' | 'write' | 'sync' | 'rename',
  matches: (path: string, to?: string) => boolean,
  code: string,
): FsPort {
  const fail = () => Promise.reject(Object.assign(new Error(`injected ${code}`), { code }));
  switch (op) {
    case 'makeFolder':
      return { ...nodeFs, makeFolder: (p) => (matches(p) ? fail() : nodeFs.makeFolder(p)) };
    case 'createExclusive':
      return {
        ...nodeFs,
        createExclusive: (p) => (matches(p) ? fail() : nodeFs.createExclusive(p)),
      };
    case 'write':
      return {
        ...nodeFs,
        async createExclusive(p) {
          const file = await nodeFs.createExclusive(p);
          if (!matches(p)) return file;
          return {
            ...file,
            async write(data) {
              await file.write(data.subarray(0, data.length >> 1));
              return fail();
            },
          };
        },
      };
    case 'sync':
      return {
        ...nodeFs,
        async createExclusive(p) {
          const file = await nodeFs.createExclusive(p);
          return matches(p) ? { ...file, sync: fail } : file;
        },
      };
    case 'rename':
      return {
        ...nodeFs,
        rename: (from, to) => (matches(from, to) ? fail() : nodeFs.rename(from, to)),
      };
  }
}

// ---------------------------------------------------------------------------------------------

describe('creating a vault', () => {
  it('a failure at any file operation until the vault is complete: a clear error, and no folder left', async () => {
    const probe = failOnceFs(-1, 'EIO');
    await createTestVault(tempDir(), { fs: probe }).then(({ vault }) => vault.lock());
    // Everything before the lock file makes the vault: the folder, keys (temp file, write,
    // flush, close, rename) and the folder flushes.
    const complete = probe.log.findIndex((entry) => entry.endsWith('/vault.lock'));
    expect(probe.log.slice(0, complete).map((entry) => entry.split(' ')[0])).toEqual([
      'makeFolder',
      'createExclusive',
      'write',
      'sync',
      'close',
      'rename',
      'syncFolder',
      'syncFolder',
    ]);
    const expected = [
      ['EIO', 'IO_ERROR'],
      ['ENOSPC', 'DISK_FULL'],
      ['EROFS', 'NOT_WRITABLE'],
      ['EACCES', 'NOT_WRITABLE'],
    ] as const;
    for (let k = 0; k < complete; k++) {
      const [errno, code] = expected[k % expected.length]!;
      const dir = tempDir();
      const what = `${errno} at ${probe.log[k] ?? ''}`;
      expect(await codeOf(createTestVault(dir, { fs: failOnceFs(k, errno) })), what).toBe(code);
      expect(readdirSync(dir), what).toEqual([]);
    }
  });

  it.each([0, 10, 259])(
    'a disk that fills up after %i bytes of the keys file: DISK_FULL, and no folder left',
    async (bytes) => {
      const dir = tempDir();
      const fs = faultyFs({ failAfterBytes: bytes });
      await expect(createTestVault(dir, { fs })).rejects.toMatchObject({
        code: 'DISK_FULL',
        details: { file: join(dir, 'test.confidant', 'keys') },
      });
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a folder that already exists is refused (FILE_EXISTS) and left alone', async () => {
    const { dir, path } = await copyOfTemplate();
    const keys = readFileSync(join(path, 'keys'));
    expect(await codeOf(createTestVault(dir))).toBe('FILE_EXISTS');
    expect(readFileSync(join(path, 'keys')).equals(keys)).toBe(true);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened B');
  });

  // Fails with the core as of 32abc43: PendingVault.commit builds the folder, then opens it;
  // when the open fails (here: the lock file cannot be written) the complete folder stays,
  // so the error says the vault was not created while a retry gets FILE_EXISTS.
  it('a failure after the folder is complete (writing the lock file) leaves no folder either', async () => {
    const dir = tempDir();
    const fs = failingFs('createExclusive', (p) => p.endsWith('vault.lock'), 'ENOSPC');
    expect(await codeOf(createTestVault(dir, { fs }))).toBe('DISK_FULL');
    expect(readdirSync(dir)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Faults in writing a new keys file (`name`: keys or keys.next) through its temporary file. */
function keysWriteFaults(name: string): [string, string, () => FsPort][] {
  const temp = (p: string) => p.includes(`/.${name}.tmp-`);
  return [
    ['a full disk', 'DISK_FULL', () => faultyFs({ failAfterBytes: 0 })],
    ['a disk that fills up half-way', 'DISK_FULL', () => failingFs('write', temp, 'ENOSPC')],
    ['a read-only folder', 'NOT_WRITABLE', () => failingFs('createExclusive', temp, 'EROFS')],
    ['a failing flush', 'IO_ERROR', () => failingFs('sync', temp, 'EIO')],
    ['a refused rename', 'NOT_WRITABLE', () => failingFs('rename', temp, 'EACCES')],
    ['a failing rename', 'IO_ERROR', () => failingFs('rename', temp, 'EIO')],
  ];
}

describe('changing the passphrase', () => {
  it.each(keysWriteFaults('keys'))(
    '%s: %s, and the old passphrase still opens, in the file and in memory',
    async (_, code, faulty) => {
      const { path, vault, fs, recoveryKey } = await openVaultOnFaultyDisk();
      const keys = readFileSync(join(path, 'keys'));
      fs.current = faulty();
      await expect(vault.changePassphrase(NEW_PASSPHRASE)).rejects.toMatchObject({ code });
      expect(readFileSync(join(path, 'keys')).equals(keys)).toBe(true);
      expect(leftoverTemporaries(path)).toEqual([]);
      fs.current = nodeFs;
      // The vault stays open and usable, still under its old passphrase.
      expect(await vault.checkPassphrase(PASSPHRASE)).toBe(true);
      setState(vault, 'C');
      await vault.lock();
      expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened C');
      expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
      expect(await tryUnlock(path, { recoveryKey })).toBe('opened C');
    },
  );

  it('a crash at any operation: exactly one of the old and new passphrases opens, the recovery key always does, and a half-written keys file is cleared', async () => {
    const probe = faultyFs({});
    const first = await openVaultOnFaultyDisk();
    first.fs.current = probe;
    await first.vault.changePassphrase(NEW_PASSPHRASE);
    const operations = [...probe.log];
    await first.vault.lock();
    expect(operations.map((entry) => entry.split(' ')[0])).toEqual([
      'createExclusive',
      'write',
      'sync',
      'close',
      'rename',
      'syncFolder',
    ]);
    const outcomes = new Set<string>();
    for (let k = 0; k < operations.length; k++) {
      const { path, vault, fs, recoveryKey } = await openVaultOnFaultyDisk();
      fs.current = faultyFs({ crashAtOperation: k });
      const what = `crash at ${operations[k] ?? ''}`;
      await expect(vault.changePassphrase(NEW_PASSPHRASE), what).rejects.toBeDefined();
      die(vault);
      const readOnly = { ...AFTER_CRASH, readOnly: true };
      const old = await tryUnlock(path, { passphrase: PASSPHRASE }, readOnly);
      const changed = await tryUnlock(path, { passphrase: NEW_PASSPHRASE }, readOnly);
      expect([old, changed].sort(), what).toEqual(['WRONG_PASSPHRASE', 'opened B']);
      outcomes.add(old === 'opened B' ? 'old' : 'new');
      expect(await tryUnlock(path, { recoveryKey }, AFTER_CRASH), what).toBe('opened B');
      // That writable unlock removed whatever temporary file the crash left.
      expect(leftoverTemporaries(path), what).toEqual([]);
    }
    // Crashes before the rename keep the old passphrase; a crash after it has the new one.
    expect(outcomes).toEqual(new Set(['old', 'new']));
  });

  it.each([0, 1, 8, 100, 259])(
    'a crash after %i bytes of the new keys file: the old passphrase opens, and the next unlock clears the temporary file',
    async (bytes) => {
      const { path, vault, fs } = await openVaultOnFaultyDisk();
      fs.current = faultyFs({ failAfterBytes: bytes, crashAfterByteFault: true, errorCode: 'EIO' });
      await expect(vault.changePassphrase(NEW_PASSPHRASE)).rejects.toMatchObject({
        code: 'IO_ERROR',
      });
      die(vault);
      expect(leftoverTemporaries(path)).toHaveLength(1);
      expect(await tryUnlock(path, { passphrase: PASSPHRASE }, AFTER_CRASH)).toBe('opened B');
      expect(leftoverTemporaries(path)).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('re-key', () => {
  it.each(keysWriteFaults('keys.next'))(
    '%s while writing keys.next: %s, and the old passphrase and recovery key still open',
    async (_, code, faulty) => {
      const { path, vault, fs, recoveryKey } = await openVaultOnFaultyDisk();
      const keys = readFileSync(join(path, 'keys'));
      fs.current = faulty();
      await expect(vault.rekey(NEW_PASSPHRASE)).rejects.toMatchObject({ code });
      expect(readFileSync(join(path, 'keys')).equals(keys)).toBe(true);
      expect(existsSync(join(path, 'keys.next'))).toBe(false);
      expect(leftoverTemporaries(path)).toEqual([]);
      fs.current = nodeFs;
      expect(await vault.checkPassphrase(PASSPHRASE)).toBe(true);
      setState(vault, 'C');
      await vault.lock();
      expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened C');
      expect(await tryUnlock(path, { recoveryKey })).toBe('opened C');
      expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    },
  );

  // Fails with the core as of 32abc43 at the crash on `rename keys.next → keys`: the database
  // has the new key, `keys` the old slots, and Vault.unlock refuses the new passphrase
  // (WRONG_PASSPHRASE, from `keys`) and the old one (REKEY_INTERRUPTED): nothing opens it.
  it('a crash at any file operation: the old secrets or the new passphrase open the vault, never neither, and no data is lost', async () => {
    const probe = faultyFs({});
    const first = await openVaultOnFaultyDisk();
    first.fs.current = probe;
    await first.vault.rekey(NEW_PASSPHRASE);
    const operations = [...probe.log];
    await first.vault.lock();
    expect(operations.map((entry) => entry.split(' ')[0])).toEqual([
      'createExclusive',
      'write',
      'sync',
      'close',
      'rename',
      'syncFolder',
      'rename',
      'syncFolder',
    ]);
    const problems: string[] = [];
    const outcomes = new Set<string>();
    for (let k = 0; k < operations.length; k++) {
      const { path, vault, fs, recoveryKey } = await openVaultOnFaultyDisk();
      fs.current = faultyFs({ crashAtOperation: k });
      // A crash at the last folder flush is not reported: the re-key is done by then.
      await vault.rekey(NEW_PASSPHRASE).catch(() => undefined);
      die(vault);
      const what = `crash at ${operations[k] ?? ''}`;
      // The new passphrase first: an unlock with it finishes an interrupted re-key.
      const changed = await tryUnlock(path, { passphrase: NEW_PASSPHRASE }, AFTER_CRASH);
      const old = await tryUnlock(path, { passphrase: PASSPHRASE }, AFTER_CRASH);
      const recovery = await tryUnlock(path, { recoveryKey }, AFTER_CRASH);
      const opened = [changed, old].filter((result) => result === 'opened B');
      if (opened.length !== 1 || (old === 'opened B') !== (recovery === 'opened B')) {
        problems.push(`${what}: new ${changed}, old ${old}, old recovery key ${recovery}`);
        continue;
      }
      outcomes.add(old === 'opened B' ? 'old' : 'new');
      const left = readdirSync(path).filter((n) => n === 'keys.next' || n.includes('.tmp-'));
      if (left.length > 0) problems.push(`${what}: left ${left.join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(outcomes).toEqual(new Set(['old', 'new']));
  });
});

// ---------------------------------------------------------------------------------------------

describe('upgrading a format-1 vault', () => {
  function copyOfFixture() {
    const dir = tempDir();
    const path = join(dir, 'v.confidant');
    copyFileSync(FIXTURE, path);
    return { dir, path };
  }

  /** The fixture's data, opened from `path` (upgrading it if it is still format 1). */
  async function expectFixtureData(path: string, options: VaultOptions = {}) {
    const vault = await Vault.unlock(path, { passphrase: fixture.passphrase }, options);
    try {
      expect(vault.formatVersion).toBe(options.readOnly ? 1 : 2);
      expect(getSetting(vault.db, 'fixture.note')).toBe(fixture.note);
      expect(listAuditEvents(vault.db, 1000)).toHaveLength(fixture.auditEvents);
      expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await vault.lock();
    }
  }

  it.each<[string, string, FsPort]>([
    [
      'the folder cannot be made (read-only)',
      'NOT_WRITABLE',
      failingFs('makeFolder', (p) => p.endsWith('.upgrading'), 'EROFS'),
    ],
    [
      'the folder cannot be made (disk full)',
      'DISK_FULL',
      failingFs('makeFolder', (p) => p.endsWith('.upgrading'), 'ENOSPC'),
    ],
    [
      'the disk fills up while keys is written',
      'DISK_FULL',
      failingFs('write', (p) => p.includes('.upgrading/.keys.tmp-'), 'ENOSPC'),
    ],
    [
      'keys cannot be renamed into place',
      'IO_ERROR',
      failingFs('rename', (from) => from.includes('.upgrading/.keys.tmp-'), 'EIO'),
    ],
    [
      'the format-1 file cannot be renamed aside (refused)',
      'NOT_WRITABLE',
      failingFs('rename', (from) => from.endsWith('v.confidant'), 'EACCES'),
    ],
    [
      'the format-1 file cannot be renamed aside (I/O error)',
      'IO_ERROR',
      failingFs('rename', (from) => from.endsWith('v.confidant'), 'EIO'),
    ],
  ])('%s: %s, the format-1 file stays as it was and opens again', async (_, code, fs) => {
    const { dir, path } = copyOfFixture();
    const original = readFileSync(FIXTURE);
    expect(await codeOf(Vault.unlock(path, { passphrase: fixture.passphrase }, { fs }))).toBe(code);
    expect(readdirSync(dir)).toEqual(['v.confidant']);
    expect(readFileSync(path).equals(original)).toBe(true);
    await expectFixtureData(path, { readOnly: true });
    await expectFixtureData(path);
    expect(readdirSync(dir).sort()).toEqual(['v.confidant', 'v.confidant.v1']);
    expect(readFileSync(`${path}.v1`).equals(original)).toBe(true);
  });

  // Fails with the core as of 32abc43: upgradeV1Vault renames FILE → FILE.v1, and when
  // FILE.upgrading → FILE then fails it removes the new folder but leaves FILE.v1 where it is:
  // FILE is gone until the next writable unlock puts it back (a read-only open finds nothing).
  it('the new folder cannot be renamed into place: the format-1 file is back where it was, as it was', async () => {
    const { dir, path } = copyOfFixture();
    const fs = failingFs('rename', (from) => from.endsWith('.upgrading'), 'EIO');
    expect(await codeOf(Vault.unlock(path, { passphrase: fixture.passphrase }, { fs }))).toBe(
      'IO_ERROR',
    );
    expect(readdirSync(dir)).toEqual(['v.confidant']);
    expect(readFileSync(path).equals(readFileSync(FIXTURE))).toBe(true);
    await expectFixtureData(path, { readOnly: true });
  });

  it('a crash at any file operation: the next unlock opens the vault with all its data, the format-1 file kept byte for byte', async () => {
    const probe = faultyFs({});
    const { path: probePath } = copyOfFixture();
    await (await Vault.unlock(probePath, { passphrase: fixture.passphrase }, { fs: probe })).lock();
    const total = probe.log.findIndex((entry) => entry.endsWith('/vault.lock'));
    const operations = probe.log.slice(0, total);
    expect(operations.filter((entry) => entry.startsWith('rename'))).toHaveLength(3);
    const original = readFileSync(FIXTURE);
    for (let k = 0; k < total; k++) {
      const { dir, path } = copyOfFixture();
      const what = `crash at ${operations[k] ?? ''}`;
      const fs = faultyFs({ crashAtOperation: k });
      await expect(
        Vault.unlock(path, { passphrase: fixture.passphrase }, { fs }),
        what,
      ).rejects.toBeDefined();
      const lockFile = `${path}.lock`;
      if (existsSync(lockFile) && statSync(lockFile).size === 0) {
        // Killed between creating the lock file and writing it: an unreadable lock is refused
        // (it may be being written right now), naming the file the user has to remove.
        await expect(
          Vault.unlock(path, { passphrase: fixture.passphrase }, AFTER_CRASH),
          what,
        ).rejects.toMatchObject({ code: 'VAULT_IN_USE', details: { lockFile, pid: 0 } });
        unlinkSync(lockFile);
      }
      await expectFixtureData(path, AFTER_CRASH);
      expect(readFileSync(`${path}.v1`).equals(original), what).toBe(true);
      // (A crash after both renames leaves the format-1 lock file `v.confidant.lock`.)
      expect(
        readdirSync(dir).filter((name) => name !== 'v.confidant.lock'),
        what,
      ).toEqual(['v.confidant', 'v.confidant.v1']);
      expect(readdirSync(path).sort(), what).toEqual(['keys', 'vault.db']);
    }
  });
});
