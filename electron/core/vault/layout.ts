/**
 * Where a format-2 vault keeps its files (docs/vault-format.md §15). A vault is a folder,
 * `Office.confidant/`; at rest it holds `keys` and `vault.db` and nothing else.
 */
import { dirname, join } from 'node:path';

export const KEYS_FILE = 'keys';
export const DATABASE_FILE = 'vault.db';
/** The new keys written before a re-key, renamed over `keys` once the database has them. */
export const NEXT_KEYS_FILE = 'keys.next';

export function keysPath(vault: string): string {
  return join(vault, KEYS_FILE);
}

export function databasePath(vault: string): string {
  return join(vault, DATABASE_FILE);
}

export function nextKeysPath(vault: string): string {
  return join(vault, NEXT_KEYS_FILE);
}

/** The lock file's base: acquireLock adds `.lock`, so a vault in use holds `vault.lock`. */
export function lockBase(vault: string): string {
  return join(vault, 'vault');
}

/** Where a format-1 vault file is kept once it has been upgraded (the user removes it). */
export function keptV1Path(vault: string): string {
  return `${vault}.v1`;
}

/** A folder being made from a format-1 vault or a backup; renamed into place when complete. */
export function buildingPath(vault: string, purpose: 'upgrading' | 'restoring'): string {
  return `${vault}.${purpose}`;
}

export function parentOf(vault: string): string {
  return dirname(vault);
}
