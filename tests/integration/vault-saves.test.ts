/**
 * Format 2: every change is one SQLite transaction, durable when it commits. There is no
 * "save" any more: a committed change is on disk (WAL, synchronous=FULL) before the commit
 * returns, a transaction that throws leaves nothing, and the key changes (passphrase, re-key)
 * keep every row while changing exactly which secrets open the vault.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultDatabase } from '../../electron/core/db/open-database.ts';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { nodeFs, type FsPort } from '../../electron/core/vault/fs-port.ts';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

const NEW_PASSPHRASE = 'a new passphrase, typed twice';
/** How the next process opens the vault after a crash: the old lock holder is gone. */
const AFTER_CRASH: VaultOptions = { lock: { isProcessAlive: () => false } };

async function lockedVault(state = 'saved') {
  const dir = tempDir();
  const created = await createTestVault(dir);
  setState(created.vault, state);
  await created.vault.lock();
  return { dir, path: created.path, recoveryKey: created.recoveryKey };
}

/** The error code an unlock with `secret` fails with, or 'opened' (and its state label). */
async function tryUnlock(
  path: string,
  secret: { passphrase: string } | { recoveryKey: string },
  options: VaultOptions = {},
): Promise<string> {
  try {
    const vault = await Vault.unlock(path, secret, options);
    const state = getState(vault);
    await vault.lock();
    return `opened ${state ?? ''}`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** Abandons a vault object as a dying process would: no lock(), the lock file stays. */
function die(vault: Vault): void {
  vault.db.close();
}

/** nodeFs whose `op` fails with `code` whenever `when` says so. */
function failing<K extends 'rename' | 'syncFolder'>(
  op: K,
  when: (...args: Parameters<FsPort[K]>) => boolean,
  code = 'EIO',
): FsPort {
  const original = nodeFs[op] as (...args: Parameters<FsPort[K]>) => Promise<void>;
  return {
    ...nodeFs,
    [op]: (...args: Parameters<FsPort[K]>) =>
      when(...args)
        ? Promise.reject(Object.assign(new Error(`injected ${code}`), { code }))
        : original(...args),
  };
}

describe('every change is durable when it commits', () => {
  it('is on disk when the commit returns: a copy of the open folder already holds it', async () => {
    const { dir, path } = await lockedVault('before');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    setState(vault, 'committed');
    expect(vault.hasUnsavedChanges()).toBe(false);
    // What a power cut would leave: the files as they are now, without lock() or save().
    const copy = join(dir, 'copy.confidant');
    mkdirSync(copy);
    for (const name of readdirSync(path).filter((n) => n !== 'vault.lock'))
      cpSync(join(path, name), join(copy, name));
    expect(readdirSync(copy).sort()).toEqual(['keys', 'vault.db', 'vault.db-wal']);
    expect(await tryUnlock(copy, { passphrase: PASSPHRASE })).toBe('opened committed');
    await vault.lock();
  });

  it('survives lock and unlock, commit after commit', async () => {
    const { path } = await lockedVault('one');
    for (const state of ['two', 'three']) {
      const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
      expect(getState(vault)).not.toBe(state);
      setState(vault, state);
      await vault.lock();
      expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe(`opened ${state}`);
    }
  });

  it('a transaction that throws leaves nothing, in memory or on disk', async () => {
    const { path } = await lockedVault('kept');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const inside: boolean[] = [];
    const change = vault.db.transaction(() => {
      setState(vault, 'half-made');
      inside.push(vault.hasUnsavedChanges());
      throw new Error('the second half failed');
    });
    expect(change).toThrow('the second half failed');
    expect(inside).toEqual([true]);
    expect(vault.hasUnsavedChanges()).toBe(false);
    expect(getState(vault)).toBe('kept');
    await vault.lock();
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened kept');
  });

  it('save() writes nothing and only says whether the vault can be written', async () => {
    const { path } = await lockedVault();
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const before = readFileSync(join(path, 'vault.db'));
    await expect(vault.save()).resolves.toBeUndefined();
    expect(readFileSync(join(path, 'vault.db')).equals(before)).toBe(true);
    await vault.lock();
    await expect(vault.save()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const readOnly = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
    await expect(readOnly.save()).rejects.toMatchObject({ code: 'VAULT_READ_ONLY' });
    await readOnly.lock();
  });

  it('lock folds the WAL into the database: at rest the folder holds exactly keys and vault.db', async () => {
    const { path } = await lockedVault();
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    for (let i = 0; i < 50; i++) setState(vault, `state ${String(i)}`);
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db', 'vault.db-wal', 'vault.lock']);
    await vault.lock();
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened state 49');
  });
});

describe('changing the passphrase', () => {
  it('keeps the data; the old passphrase stops opening, the new one and the recovery key open', async () => {
    const { path, recoveryKey } = await lockedVault('kept');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    const keysBefore = readFileSync(join(path, 'keys'));
    await vault.changePassphrase(NEW_PASSPHRASE);
    expect(readFileSync(join(path, 'keys')).equals(keysBefore)).toBe(false);
    expect(await vault.checkPassphrase(NEW_PASSPHRASE)).toBe(true);
    expect(await vault.checkPassphrase(PASSPHRASE)).toBe(false);
    expect(listAuditEvents(vault.db).map((e) => e.action)).toContain('vault.passphrase_changed');
    setState(vault, 'after the change');
    await vault.lock();
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('opened after the change');
    expect(await tryUnlock(path, { recoveryKey })).toBe('opened after the change');
  });

  it('refuses a passphrase the policy rejects, changing nothing', async () => {
    const { path } = await lockedVault();
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    const keysBefore = readFileSync(join(path, 'keys'));
    await expect(vault.changePassphrase('short')).rejects.toMatchObject({
      code: 'PASSPHRASE_TOO_SHORT',
    });
    expect(readFileSync(join(path, 'keys')).equals(keysBefore)).toBe(true);
    await vault.lock();
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('opened saved');
  });
});

describe('re-key', () => {
  it('keeps the data; the old passphrase and recovery key are refused, the new ones open', async () => {
    const { path, recoveryKey } = await lockedVault('kept');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    const oldDbKey = await vault.deriveDatabaseKey();
    const dbSalt = Buffer.from(vault.dbSalt);
    const { recoveryKey: newRecoveryKey } = await vault.rekey(NEW_PASSPHRASE);
    expect(newRecoveryKey).not.toBe(recoveryKey);
    expect(getState(vault)).toBe('kept');
    expect(await vault.checkPassphrase(NEW_PASSPHRASE)).toBe(true);
    expect(listAuditEvents(vault.db).map((e) => e.action)).toContain('vault.rekeyed');
    setState(vault, 'after the re-key');
    const newDbKey = await vault.deriveDatabaseKey();
    await vault.lock();
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);

    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect(await tryUnlock(path, { recoveryKey })).toBe('WRONG_RECOVERY_KEY');
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('opened after the re-key');
    expect(await tryUnlock(path, { recoveryKey: newRecoveryKey })).toBe('opened after the re-key');

    // The database itself was re-encrypted: its old key no longer opens it, the new one does.
    const file = join(path, 'vault.db');
    expect(readFileSync(file).subarray(0, 16).equals(dbSalt)).toBe(true);
    let oldKeyError: unknown;
    try {
      openVaultDatabase(file, oldDbKey, dbSalt, { readOnly: true }).close();
    } catch (error) {
      oldKeyError = error;
    }
    expect(oldKeyError).toMatchObject({ code: 'CORRUPT_VAULT' });
    openVaultDatabase(file, newDbKey, dbSalt, { readOnly: true }).close();
    oldDbKey.fill(0);
    newDbKey.fill(0);
  });

  it('leaves a copy made before it to the old secrets (older copies hold the old keys)', async () => {
    const { dir, path, recoveryKey } = await lockedVault('before the re-key');
    const copy = join(dir, 'copy.confidant');
    cpSync(path, copy, { recursive: true });
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    await vault.rekey(NEW_PASSPHRASE);
    await vault.lock();
    expect(await tryUnlock(copy, { passphrase: PASSPHRASE })).toBe('opened before the re-key');
    expect(await tryUnlock(copy, { recoveryKey })).toBe('opened before the re-key');
    expect(await tryUnlock(copy, { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
  });

  it('drops at unlock a keys.next left by a re-key that never reached the database', async () => {
    const { path, recoveryKey } = await lockedVault('kept');
    // keys.next is written and renamed into place, then syncing the folder fails: the re-key
    // stops before the database is touched.
    const fs = failing('syncFolder', () => true);
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { fs, kdf: FAST_KDF });
    await expect(vault.rekey(NEW_PASSPHRASE)).rejects.toMatchObject({ code: 'IO_ERROR' });
    die(vault);
    expect(existsSync(join(path, 'keys.next'))).toBe(true);
    const keysBefore = readFileSync(join(path, 'keys'));

    // The new passphrase never took effect: the user is told to use the one from before.
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE }, AFTER_CRASH)).toBe(
      'REKEY_INTERRUPTED',
    );
    expect(readFileSync(join(path, 'keys')).equals(keysBefore)).toBe(true);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE }, AFTER_CRASH)).toBe('opened kept');
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    expect(readFileSync(join(path, 'keys')).equals(keysBefore)).toBe(true);
    expect(await tryUnlock(path, { recoveryKey })).toBe('opened kept');
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
  });

  /** A re-key that stopped after the database took the new key, before keys.next → keys. */
  async function interruptedAfterTheDatabase() {
    const { path, recoveryKey } = await lockedVault('kept');
    const fs = failing('rename', (from) => from.endsWith('keys.next'));
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { fs, kdf: FAST_KDF });
    await expect(vault.rekey(NEW_PASSPHRASE)).rejects.toMatchObject({ code: 'IO_ERROR' });
    die(vault);
    expect(readdirSync(path)).toEqual(expect.arrayContaining(['keys', 'keys.next', 'vault.db']));
    return { path, recoveryKey, nextKeys: readFileSync(join(path, 'keys.next')) };
  }

  it('interrupted after the database was re-keyed: the old secrets get REKEY_INTERRUPTED and change nothing', async () => {
    const { path, recoveryKey } = await interruptedAfterTheDatabase();
    const before = readdirSync(path)
      .filter((name) => name !== 'vault.lock')
      .map((name) => [name, readFileSync(join(path, name)).toString('hex')]);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE }, AFTER_CRASH)).toBe(
      'REKEY_INTERRUPTED',
    );
    expect(await tryUnlock(path, { recoveryKey }, AFTER_CRASH)).toBe('REKEY_INTERRUPTED');
    expect(
      readdirSync(path)
        .filter((name) => name !== 'vault.lock')
        .map((name) => [name, readFileSync(join(path, name)).toString('hex')]),
    ).toEqual(before);
  });

  // Fails with the core as of 32abc43: Vault.unlock opens `keys` (the old slots) with the
  // secret before it ever looks at keys.next, so the new passphrase gets WRONG_PASSPHRASE.
  it('interrupted after the database was re-keyed: the new passphrase finishes the re-key at unlock', async () => {
    const { path, nextKeys } = await interruptedAfterTheDatabase();
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE }, AFTER_CRASH)).toBe('opened kept');
    expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    expect(readFileSync(join(path, 'keys')).equals(nextKeys)).toBe(true);
    expect(await tryUnlock(path, { passphrase: PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('opened kept');
  });

  it('a read-only vault cannot be re-keyed, and nothing is written', async () => {
    const { path } = await lockedVault('kept');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
    await expect(vault.rekey(NEW_PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_READ_ONLY' });
    await expect(vault.changePassphrase(NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'VAULT_READ_ONLY',
    });
    await vault.lock();
    expect(existsSync(join(path, 'keys.next'))).toBe(false);
    expect(await readState(path)).toBe('kept');
    expect(await tryUnlock(path, { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
  });
});
