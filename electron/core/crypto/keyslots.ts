/**
 * Keyslots: each wraps the same random 32-byte master key with XChaCha20-Poly1305 under a
 * key-encryption key (KEK) derived from one secret: the passphrase (Argon2id) or the recovery
 * key (keyed BLAKE2b). Opening any one slot gives the master key; changing the passphrase
 * replaces one slot and leaves the data key, the recovery slot and the data alone.
 */
import { randomFillSync } from 'node:crypto';
import {
  SALT_BYTES,
  slotAssociatedData,
  WRAP_NONCE_BYTES,
  type Keyslot,
  type PassphraseSlot,
  type RecoverySlot,
} from './container.ts';
import { isVaultError, VaultError, type ErrorDetails } from '../errors.ts';
import { deriveArgon2idKey, passphraseBytes, type Argon2Params } from './kdf.ts';
import { parseRecoveryKey } from './recovery-key.ts';
import { loadSodium, wipe } from './sodium.ts';

export const MASTER_KEY_BYTES = 32;
/** crypto_kdf context for the key that encrypts a vault's payload (exactly 8 characters). */
export const VAULT_PAYLOAD_CONTEXT = 'CfdVault';
export const VAULT_PAYLOAD_SUBKEY_ID = 1;
/** crypto_kdf context for a backup's payload key: one master key never encrypts two kinds alike. */
export const BACKUP_PAYLOAD_CONTEXT = 'CfdBckup';
/** crypto_kdf context for the SQLCipher key of a format-2 vault's database. */
export const DATABASE_KEY_CONTEXT = 'CfdSqlDb';

interface FileIdentity {
  version: number;
  kind: number;
}

export function generateMasterKey(): Buffer {
  const key = Buffer.alloc(MASTER_KEY_BYTES);
  randomFillSync(key);
  return key;
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  randomFillSync(bytes);
  return bytes;
}

export async function createPassphraseSlot(
  passphrase: string,
  masterKey: Uint8Array,
  kdf: Argon2Params,
  file: FileIdentity,
): Promise<PassphraseSlot> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveArgon2idKey(passphraseBytes(passphrase), salt, kdf);
  try {
    return await wrap({ type: 'passphrase', kdf, salt }, kek, masterKey, file);
  } finally {
    wipe(kek);
  }
}

export async function createRecoverySlot(
  recoverySecret: Uint8Array,
  masterKey: Uint8Array,
  file: FileIdentity,
): Promise<RecoverySlot> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await recoveryKek(recoverySecret, salt);
  try {
    return await wrap({ type: 'recovery', salt }, kek, masterKey, file);
  } finally {
    wipe(kek);
  }
}

/** Returns the master key if `passphrase` opens one of the passphrase slots, else null. */
export function openWithPassphrase(
  slots: readonly Keyslot[],
  passphrase: string,
  file: FileIdentity,
): Promise<Buffer | null> {
  return openFirstSlot(slots, 'passphrase', file, (slot) =>
    deriveArgon2idKey(passphraseBytes(passphrase), slot.salt, slot.kdf),
  );
}

export type UnlockSecret = { passphrase: string } | { recoveryKey: string };

/**
 * The master key the secret opens, for a vault or a backup. Otherwise WRONG_PASSPHRASE,
 * WRONG_RECOVERY_KEY or RECOVERY_KEY_MALFORMED, with `details` (which file, and for a backup
 * `kind: 'backup'`, so the message can say which passphrase a backup wants).
 */
export async function openMasterKey(
  slots: readonly Keyslot[],
  secret: UnlockSecret,
  file: FileIdentity,
  details: ErrorDetails,
): Promise<Buffer> {
  if ('passphrase' in secret) {
    const master = await openWithPassphrase(slots, secret.passphrase, file);
    if (!master) throw new VaultError('WRONG_PASSPHRASE', details);
    return master;
  }
  let recoverySecret: Buffer;
  try {
    recoverySecret = parseRecoveryKey(secret.recoveryKey);
  } catch (error) {
    throw isVaultError(error) ? new VaultError(error.code, details) : error;
  }
  try {
    const master = await openWithRecoverySecret(slots, recoverySecret, file);
    if (!master) throw new VaultError('WRONG_RECOVERY_KEY', details);
    return master;
  } finally {
    wipe(recoverySecret);
  }
}

/** Returns the master key if the recovery secret opens one of the recovery slots, else null. */
export function openWithRecoverySecret(
  slots: readonly Keyslot[],
  recoverySecret: Uint8Array,
  file: FileIdentity,
): Promise<Buffer | null> {
  return openFirstSlot(slots, 'recovery', file, (slot) => recoveryKek(recoverySecret, slot.salt));
}

/** Tries each slot of one type with the KEK its secret gives, wiping every KEK after use. */
async function openFirstSlot<T extends Keyslot['type']>(
  slots: readonly Keyslot[],
  type: T,
  file: FileIdentity,
  kekFor: (slot: Extract<Keyslot, { type: T }>) => Promise<Buffer>,
): Promise<Buffer | null> {
  for (const slot of slots) {
    if (slot.type !== type) continue;
    const kek = await kekFor(slot as Extract<Keyslot, { type: T }>);
    try {
      const master = await unwrap(slot, kek, file);
      if (master) return master;
    } finally {
      wipe(kek);
    }
  }
  return null;
}

/**
 * A subkey of the master key: crypto_kdf_derive_from_key(32, 1, context, master) — the payload
 * stream's key ("CfdVault", "CfdBckup") or the database's ("CfdSqlDb").
 */
export async function derivePayloadKey(
  masterKey: Uint8Array,
  context:
    | typeof VAULT_PAYLOAD_CONTEXT
    | typeof BACKUP_PAYLOAD_CONTEXT
    | typeof DATABASE_KEY_CONTEXT = VAULT_PAYLOAD_CONTEXT,
): Promise<Buffer> {
  const sodium = await loadSodium();
  const subkey = sodium.crypto_kdf_derive_from_key(32, VAULT_PAYLOAD_SUBKEY_ID, context, masterKey);
  const out = Buffer.from(subkey);
  wipe(subkey);
  return out;
}

/** The SQLCipher key of a format-2 vault's database: crypto_kdf subkey "CfdSqlDb" of the master key. */
export function deriveDatabaseKey(masterKey: Uint8Array): Promise<Buffer> {
  return derivePayloadKey(masterKey, DATABASE_KEY_CONTEXT);
}

/** Subkey id, under "CfdBckup", of the key that authenticates a whole version-2 backup file. */
export const BACKUP_MAC_SUBKEY_ID = 2;

/**
 * The key of a version-2 backup's whole-file MAC: crypto_kdf_derive_from_key(32, 2, "CfdBckup",
 * master) — the same context as the backup's payload key, another subkey id, so neither key
 * says anything about the other.
 */
export async function deriveBackupMacKey(masterKey: Uint8Array): Promise<Buffer> {
  const sodium = await loadSodium();
  const subkey = sodium.crypto_kdf_derive_from_key(
    32,
    BACKUP_MAC_SUBKEY_ID,
    BACKUP_PAYLOAD_CONTEXT,
    masterKey,
  );
  const out = Buffer.from(subkey);
  wipe(subkey);
  return out;
}

/** KEK for a recovery slot: BLAKE2b-256 keyed with the 20-byte recovery secret, over the salt. */
async function recoveryKek(recoverySecret: Uint8Array, salt: Uint8Array): Promise<Buffer> {
  const sodium = await loadSodium();
  const kek = sodium.crypto_generichash(32, salt, recoverySecret);
  const out = Buffer.from(kek);
  wipe(kek);
  return out;
}

type SlotWithoutKey =
  Omit<PassphraseSlot, 'nonce' | 'wrappedKey'> | Omit<RecoverySlot, 'nonce' | 'wrappedKey'>;

async function wrap<S extends SlotWithoutKey>(
  partial: S,
  kek: Uint8Array,
  masterKey: Uint8Array,
  file: FileIdentity,
): Promise<S & { nonce: Uint8Array; wrappedKey: Uint8Array }> {
  const sodium = await loadSodium();
  const nonce = randomBytes(WRAP_NONCE_BYTES);
  const placeholder = { ...partial, nonce, wrappedKey: new Uint8Array(48) } as Keyslot;
  const ad = slotAssociatedData(placeholder, file.version, file.kind);
  const wrappedKey = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    masterKey,
    ad,
    null,
    nonce,
    kek,
  );
  return { ...partial, nonce, wrappedKey };
}

async function unwrap(slot: Keyslot, kek: Uint8Array, file: FileIdentity): Promise<Buffer | null> {
  const sodium = await loadSodium();
  const ad = slotAssociatedData(slot, file.version, file.kind);
  let master: Uint8Array;
  try {
    master = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      slot.wrappedKey,
      ad,
      slot.nonce,
      kek,
    );
  } catch {
    return null; // libsodium.js throws on a failed tag: wrong secret or an altered slot.
  }
  const out = Buffer.from(master);
  wipe(master);
  return out.length === MASTER_KEY_BYTES ? out : null;
}
