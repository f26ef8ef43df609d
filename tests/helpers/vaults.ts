import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { getSetting, setSetting } from '../../electron/core/repos/settings.ts';
import { FAST_KDF } from './fast-kdf.ts';

export const PASSPHRASE = 'correct horse battery staple';
const STATE_KEY = 'test.state';

/** Creates a vault with the fast KDF in `dir` and returns it unlocked. */
export async function createTestVault(
  dir: string,
  options: VaultOptions = {},
  name = 'test.confidant',
): Promise<{ path: string; vault: Vault; recoveryKey: string }> {
  const path = join(dir, name);
  const { vault, recoveryKey } = await Vault.create(path, PASSPHRASE, {
    kdf: FAST_KDF,
    ...options,
  });
  return { path, vault, recoveryKey };
}

/** Marks the vault's content with a label, so a test can tell which saved state it opened. */
export function setState(vault: Vault, state: string): void {
  setSetting(vault.db, STATE_KEY, state);
}

export function getState(vault: Vault): string | undefined {
  return getSetting(vault.db, STATE_KEY);
}

/** Opens `path` read-only with the test passphrase and returns its state label. */
export async function readState(
  path: string,
  options: VaultOptions = {},
): Promise<string | undefined> {
  const vault = await Vault.unlock(
    path,
    { passphrase: PASSPHRASE },
    { readOnly: true, ...options },
  );
  try {
    return getState(vault);
  } finally {
    await vault.lock();
  }
}

/**
 * Every byte a vault keeps on disk, to prove "nothing changed": a format-2 vault's folder (its
 * files in name order, each with its name), or a format-1 vault's file.
 */
export function vaultBytes(path: string): Buffer {
  if (!statSync(path).isDirectory()) return readFileSync(path);
  return Buffer.concat(
    readdirSync(path)
      .sort()
      .filter((name) => name !== 'vault.lock')
      .flatMap((name) => [Buffer.from(`${name}\0`), readFileSync(join(path, name))]),
  );
}
