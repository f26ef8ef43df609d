import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  argon2ParamsInRange,
  DEFAULT_ARGON2,
  deriveArgon2idKey,
  passphraseBytes,
} from '../../electron/core/crypto/kdf.ts';

const SALT = Uint8Array.from({ length: 16 }, (_, i) => i);
const PARAMS = { opslimit: 2, memlimit: 1024 * 1024 };

beforeAll(async () => {
  await sodium.ready;
});

describe('Argon2id key derivation', () => {
  it('defaults to libsodium MODERATE: 3 passes, 256 MiB', () => {
    expect(DEFAULT_ARGON2).toEqual({
      opslimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
      memlimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
    });
  });

  it('computes in a worker exactly what crypto_pwhash(Argon2id13) computes', async () => {
    const expected = sodium.crypto_pwhash(
      32,
      passphraseBytes('пароль-passphrase'),
      SALT,
      PARAMS.opslimit,
      PARAMS.memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    const key = await deriveArgon2idKey(passphraseBytes('пароль-passphrase'), SALT, PARAMS);
    expect(key.toString('hex')).toBe(Buffer.from(expected).toString('hex'));
  });

  it('does not block the main thread while it works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await deriveArgon2idKey(passphraseBytes('passphrase'), SALT, {
      opslimit: 3,
      memlimit: 32 * 1024 * 1024,
    });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it('wipes the passphrase bytes it was given', async () => {
    const bytes = passphraseBytes('a secret passphrase');
    await deriveArgon2idKey(bytes, SALT, PARAMS);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('treats composed and decomposed letters alike (NFC), so "й" typed on any system opens', async () => {
    const composed = 'й'.normalize('NFC').repeat(8);
    const decomposed = 'й'.normalize('NFD').repeat(8);
    expect(composed).not.toBe(decomposed);
    const a = await deriveArgon2idKey(passphraseBytes(composed), SALT, PARAMS);
    const b = await deriveArgon2idKey(passphraseBytes(decomposed), SALT, PARAMS);
    expect(a.equals(b)).toBe(true);
  });

  it('accepts only parameters within bounds a reader can afford', () => {
    expect(argon2ParamsInRange(DEFAULT_ARGON2)).toBe(true);
    expect(argon2ParamsInRange({ opslimit: 0, memlimit: 1 << 20 })).toBe(false);
    expect(argon2ParamsInRange({ opslimit: 65, memlimit: 1 << 20 })).toBe(false);
    expect(argon2ParamsInRange({ opslimit: 3, memlimit: 1024 })).toBe(false);
    expect(argon2ParamsInRange({ opslimit: 3, memlimit: 5 * 1024 ** 3 })).toBe(false);
    expect(argon2ParamsInRange({ opslimit: 2.5, memlimit: 1 << 20 })).toBe(false);
  });
});
