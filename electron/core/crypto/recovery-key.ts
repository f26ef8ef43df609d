/**
 * The recovery key: 160 random bits written as 32 Crockford base32 characters plus a
 * 4-character checksum, in nine groups of four: `7K3M-Q9XD-…-C4RT`.
 *
 * Chosen to be written by hand and typed back years later: no vowels that spell words, no
 * I/L/O/U, case-insensitive, and the checksum tells a typo apart from a wrong key. Cyrillic
 * look-alike letters (a Russian keyboard layout left on) are read as the Latin ones.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { VaultError } from '../errors.ts';
import { wipe } from './sodium.ts';

export const RECOVERY_SECRET_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 32;
const CHECK_CHARS = 4;
const GROUP = 4;

/** Letters a reader may write or type for a Crockford symbol, mapped to the symbol. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  I: '1',
  L: '1',
  // Cyrillic capitals that look like Latin ones (after toUpperCase).
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: '0',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  З: '3',
};

export function generateRecoverySecret(): Buffer {
  const secret = Buffer.alloc(RECOVERY_SECRET_BYTES);
  randomFillSync(secret);
  return secret;
}

export function formatRecoveryKey(secret: Uint8Array): string {
  if (secret.length !== RECOVERY_SECRET_BYTES) throw new RangeError('bad recovery secret size');
  const symbols = toBase32(secret) + toBase32(checksum(secret)).slice(0, CHECK_CHARS);
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * What the user typed, as Crockford symbols: separators dropped, upper case, look-alikes
 * (O, I, L, Cyrillic letters) read as the symbols they stand for.
 */
export function normalizeRecoveryKeyText(text: string): string {
  return Array.from(text.normalize('NFC').toUpperCase())
    .filter((ch) => !/[\s\-–—_.]/u.test(ch))
    .map((ch) => LOOKALIKES[ch] ?? ch)
    .join('');
}

/** Returns the 20-byte secret, or throws RECOVERY_KEY_MALFORMED (a typo, not a wrong key). */
export function parseRecoveryKey(text: string): Buffer {
  const symbols = normalizeRecoveryKeyText(text);
  if (
    symbols.length !== DATA_CHARS + CHECK_CHARS ||
    Array.from(symbols).some((ch) => !ALPHABET.includes(ch))
  ) {
    throw new VaultError('RECOVERY_KEY_MALFORMED');
  }
  const secret = fromBase32(symbols.slice(0, DATA_CHARS));
  const expected = toBase32(checksum(secret)).slice(0, CHECK_CHARS);
  if (expected !== symbols.slice(DATA_CHARS)) {
    wipe(secret);
    throw new VaultError('RECOVERY_KEY_MALFORMED');
  }
  return secret;
}

function checksum(secret: Uint8Array): Buffer {
  return createHash('sha256')
    .update('confidant recovery key checksum')
    .update(secret)
    .digest()
    .subarray(0, 5);
}

/** RFC 4648 bit order (most significant first) over the Crockford alphabet; input length × 8 is a multiple of 5. */
function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

function fromBase32(symbols: string): Buffer {
  const out = Buffer.alloc((symbols.length * 5) / 8);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of symbols) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}
