/**
 * The share key pair: every vault's X25519 key pair (libsodium crypto_box), to which partner
 * vaults seal share packages (share-package.ts). Formats in docs/share-package-format.md.
 *
 * The public half travels as short text in an e-mail (`cfk1-…`, with a checksum so a mangled
 * paste is caught before anything is sealed to it) and is confirmed by reading a digits-only
 * fingerprint aloud over the phone: digits are read the same way in English and Russian, and
 * an attacker who swaps the key in the e-mail cannot also swap the voice on the phone.
 */
import { VaultError } from '../errors.ts';
import { loadSodium } from './sodium.ts';

export interface ShareKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** crypto_box_PUBLICKEYBYTES and crypto_box_SECRETKEYBYTES. */
export const SHARE_KEY_BYTES = 32;
/** "Confidant key, format 1": tells a share key apart from anything else pasted in. */
export const SHARE_KEY_TEXT_PREFIX = 'cfk1-';
const TEXT_CHECKSUM_BYTES = 4;

/** Domain separation: the fingerprint hash is never the same as any other hash of the key. */
const FINGERPRINT_CONTEXT = 'confidant-share-key-v1';
const FINGERPRINT_GROUPS = 6;
const FINGERPRINT_GROUP_BYTES = 5;
const FINGERPRINT_GROUP_MODULUS = 100_000n;

/**
 * Whitespace an e-mail client may insert into a long token when it wraps or reflows a line,
 * including the zero-width and no-break spaces that `\s` alone does not cover.
 */
const PASTED_SPACING = /[\s\u00ad\u200b-\u200d\u2060\ufeff]+/gu;

export async function generateShareKeyPair(): Promise<ShareKeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

/** `cfk1-` + base64url without padding of (public key ‖ 4-byte checksum): 53 characters. */
export async function shareKeyText(publicKey: Uint8Array): Promise<string> {
  checkPublicKey(publicKey);
  const sodium = await loadSodium();
  const body = new Uint8Array(SHARE_KEY_BYTES + TEXT_CHECKSUM_BYTES);
  body.set(publicKey, 0);
  body.set(await textChecksum(publicKey), SHARE_KEY_BYTES);
  return SHARE_KEY_TEXT_PREFIX + sodium.to_base64(body, sodium.base64_variants.URLSAFE_NO_PADDING);
}

/**
 * Reads a share key pasted from an e-mail back into the 32-byte public key. Any damage —
 * wrong prefix, bad encoding, wrong length, a character changed — is SHARE_KEY_MALFORMED.
 */
export async function parseShareKeyText(text: string): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const compact = text.replace(PASTED_SPACING, '');
  // The prefix is ours and carries no data, so "Cfk1-" from an over-eager autocorrect is fine;
  // the base64 that follows is case-sensitive and taken as is.
  if (compact.slice(0, SHARE_KEY_TEXT_PREFIX.length).toLowerCase() !== SHARE_KEY_TEXT_PREFIX) {
    throw malformed('prefix');
  }
  let body: Uint8Array;
  try {
    body = sodium.from_base64(
      compact.slice(SHARE_KEY_TEXT_PREFIX.length),
      sodium.base64_variants.URLSAFE_NO_PADDING,
    );
  } catch {
    throw malformed('encoding'); // libsodium.js throws on characters outside the alphabet.
  }
  if (body.length !== SHARE_KEY_BYTES + TEXT_CHECKSUM_BYTES) throw malformed('length');
  const publicKey = body.slice(0, SHARE_KEY_BYTES);
  const expected = await textChecksum(publicKey);
  if (!Buffer.from(expected).equals(body.subarray(SHARE_KEY_BYTES))) throw malformed('checksum');
  return publicKey;
}

/**
 * Thirty digits in six groups of five ("04823 91102 …", about 99.6 bits), to read aloud.
 * Group i is bytes [5i, 5i+5) of BLAKE2b-256("confidant-share-key-v1" ‖ public key) as a
 * 40-bit big-endian integer, mod 100000 (the bias from 2^40 mod 10^5 is below 10^-7).
 */
export async function shareKeyFingerprint(publicKey: Uint8Array): Promise<string> {
  checkPublicKey(publicKey);
  const sodium = await loadSodium();
  const context = Buffer.from(FINGERPRINT_CONTEXT, 'utf8');
  const input = new Uint8Array(context.length + publicKey.length);
  input.set(context, 0);
  input.set(publicKey, context.length);
  const hash = sodium.crypto_generichash(32, input, null);
  const groups: string[] = [];
  for (let i = 0; i < FINGERPRINT_GROUPS; i++) {
    const start = i * FINGERPRINT_GROUP_BYTES;
    // BigInt: 40 bits do not fit the 32-bit integers that JavaScript's bit operators use.
    let value = 0n;
    for (const byte of hash.subarray(start, start + FINGERPRINT_GROUP_BYTES)) {
      value = (value << 8n) | BigInt(byte);
    }
    groups.push((value % FINGERPRINT_GROUP_MODULUS).toString().padStart(5, '0'));
  }
  return groups.join(' ');
}

/** First 4 bytes of BLAKE2b-256(public key): catches a damaged paste, not an attacker. */
async function textChecksum(publicKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_generichash(32, publicKey, null).slice(0, TEXT_CHECKSUM_BYTES);
}

function checkPublicKey(publicKey: Uint8Array): void {
  if (publicKey.length !== SHARE_KEY_BYTES) throw new RangeError('bad share key size');
}

function malformed(reason: string): VaultError {
  return new VaultError('SHARE_KEY_MALFORMED', { reason });
}
