import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MAGIC as VAULT_MAGIC } from '../../electron/core/crypto/container.ts';
import type * as KdfModule from '../../electron/core/crypto/kdf.ts';
import { deriveArgon2idKey, type Argon2Params } from '../../electron/core/crypto/kdf.ts';
import {
  generateShareKeyPair,
  parseShareKeyText,
  shareKeyFingerprint,
  shareKeyText,
  type ShareKeyPair,
} from '../../electron/core/crypto/share-key.ts';
import {
  generateOneTimePassphrase,
  inspectPackage,
  MAX_PACKAGE_PAYLOAD,
  openPackage,
  PACKAGE_ARGON2,
  SHARE_PACKAGE_MAGIC,
  sealPackage,
} from '../../electron/core/crypto/share-package.ts';
import { isVaultError, VaultError } from '../../electron/core/errors.ts';

// The real KDF, watched: a hostile header must be refused before the KDF ever runs.
vi.mock('../../electron/core/crypto/kdf.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof KdfModule>();
  return { ...actual, deriveArgon2idKey: vi.fn(actual.deriveArgon2idKey) };
});

/** Cheap Argon2id so that passphrase packages take milliseconds in tests. */
const FAST: Argon2Params = { opslimit: 1, memlimit: 8192 * 1024 };
const PASSPHRASE = 'k7mz-p2qa-9rtx-hw4e-ub8c-ns3d';
const PAYLOAD = Buffer.from(
  '{"people":[{"name":"Иванов Иван Иванович","phone":"+7 900 000-00-00"}]}',
);
/** Offsets from docs/share-package-format.md. */
const KEY_HEADER = 193;
const PASSPHRASE_HEADER = 135;
const MEMLIMIT_OFFSET = 31;
const OPSLIMIT_OFFSET = 27;

/** Codes a damaged, foreign or tampered file may end in; never a payload. */
const REFUSALS = [
  'PACKAGE_DAMAGED',
  'PACKAGE_NOT_FOR_THIS_VAULT',
  'PACKAGE_WRONG_PASSPHRASE',
  'PACKAGE_NOT_A_PACKAGE',
  'PACKAGE_NEWER_VERSION',
];

/** A vault's key pair derived from a fixed seed, so expected values can be hard-coded. */
function seededKeyPair(seedByte: number): ShareKeyPair {
  const seed = Uint8Array.from({ length: 32 }, (_, i) => (i + seedByte) & 0xff);
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** The error code a call ends in, 'opened' if it succeeded, or 'foreign …' for any other error. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'opened';
  } catch (error) {
    return error instanceof VaultError ? error.code : `foreign ${String(error)}`;
  }
}

async function malformed(text: string): Promise<boolean> {
  try {
    await parseShareKeyText(text);
    return false;
  } catch (error) {
    return isVaultError(error, 'SHARE_KEY_MALFORMED');
  }
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}

function withByte(bytes: Uint8Array, offset: number, mask: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ mask;
  return copy;
}

function withUint32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

let alice: ShareKeyPair;
let bob: ShareKeyPair;
let carol: ShareKeyPair;
/** Alice → Bob, sealed to Bob's share key. */
let keyPackage: Uint8Array;
/** Sealed to PASSPHRASE with FAST. */
let passphrasePackage: Uint8Array;

beforeAll(async () => {
  await sodium.ready;
  alice = seededKeyPair(1);
  bob = seededKeyPair(2);
  carol = seededKeyPair(3);
  keyPackage = await sealPackage(PAYLOAD, {
    kind: 'partner-key',
    recipientPublicKey: bob.publicKey,
    sender: alice,
  });
  passphrasePackage = await sealPackage(PAYLOAD, {
    kind: 'passphrase',
    passphrase: PASSPHRASE,
    kdf: FAST,
  });
});

describe('share key text', () => {
  it('reads back the public key it was made from', async () => {
    const { publicKey } = await generateShareKeyPair();
    const text = await shareKeyText(publicKey);
    expect(text).toMatch(/^cfk1-[A-Za-z0-9_-]{48}$/);
    expect(Buffer.from(await parseShareKeyText(text)).equals(publicKey)).toBe(true);
  });

  it('is the documented text for a fixed key', async () => {
    expect(await shareKeyText(seededKeyPair(0).publicKey)).toBe(
      'cfk1-RwHQhIhFH1RaQJ-1iuPlhYHKQKw_fxFGmM1x3qxzygHwrfuI',
    );
  });

  it('refuses a wrong prefix', async () => {
    const body = (await shareKeyText(alice.publicKey)).slice(5);
    for (const prefix of ['', 'cfk2-', 'cfk1', 'cfk1_', 'xcfk1-']) {
      expect(await malformed(prefix + body)).toBe(true);
    }
  });

  it('refuses a bad checksum', async () => {
    const bytes = new Uint8Array(36);
    bytes.set(alice.publicKey, 0);
    bytes.set(sodium.crypto_generichash(32, bob.publicKey, null).slice(0, 4), 32);
    const text = 'cfk1-' + sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
    expect(await malformed(text)).toBe(true);
  });

  it('refuses the text with any one character changed', async () => {
    const text = await shareKeyText(alice.publicKey);
    for (let i = 5; i < text.length; i++) {
      const replacement = text[i] === 'A' ? 'B' : 'A';
      expect(await malformed(text.slice(0, i) + replacement + text.slice(i + 1))).toBe(true);
    }
  });

  it('refuses characters outside base64url', async () => {
    const text = await shareKeyText(alice.publicKey);
    for (const bad of ['+', '/', '=', 'é', '.']) {
      expect(await malformed(text.slice(0, 20) + bad + text.slice(21))).toBe(true);
    }
  });

  it('refuses a truncated text', async () => {
    const text = await shareKeyText(alice.publicKey);
    for (const length of [text.length - 1, text.length - 4, 20, 6]) {
      expect(await malformed(text.slice(0, length))).toBe(true);
    }
  });

  it('refuses an empty text', async () => {
    for (const text of ['', '   ', '\n', 'cfk1-', ' cfk1- ']) {
      expect(await malformed(text)).toBe(true);
    }
  });

  it('accepts the spaces and line breaks an e-mail client adds', async () => {
    const text = await shareKeyText(alice.publicKey);
    const variants = [
      `  ${text}\n`,
      `${text.slice(0, 30)}\n${text.slice(30)}`,
      `${text.slice(0, 5)}\r\n  ${text.slice(5, 40)} ${text.slice(40)}`,
      `${text.slice(0, 25)}\t${text.slice(25)}`,
      `${text.slice(0, 25)}\u00a0${text.slice(25)}`,
      `${text.slice(0, 25)}\u200b${text.slice(25)}`,
    ];
    for (const variant of variants) {
      expect(Buffer.from(await parseShareKeyText(variant)).equals(alice.publicKey)).toBe(true);
    }
  });
});

describe('share key fingerprint', () => {
  it('is six groups of five digits', async () => {
    const { publicKey } = await generateShareKeyPair();
    expect(await shareKeyFingerprint(publicKey)).toMatch(/^\d{5}( \d{5}){5}$/);
  });

  it('is the same for the same key, every time', async () => {
    expect(await shareKeyFingerprint(seededKeyPair(0).publicKey)).toBe(
      '29360 16315 86550 86946 38334 85913',
    );
  });

  it('differs between keys', async () => {
    const fingerprints = new Set(
      await Promise.all([alice, bob, carol].map((pair) => shareKeyFingerprint(pair.publicKey))),
    );
    expect(fingerprints.size).toBe(3);
  });
});

describe('share package sealed to a partner key', () => {
  it("opens for the recipient with the payload and the sender's key", async () => {
    expect(inspectPackage(keyPackage)).toEqual({ version: 1, seal: 'partner-key' });
    const opened = await openPackage(keyPackage, { own: bob, passphrase: null });
    expect(Buffer.from(opened.payload).equals(PAYLOAD)).toBe(true);
    expect(opened.seal).toBe('partner-key');
    expect(Buffer.from(opened.senderPublicKey ?? []).equals(alice.publicKey)).toBe(true);
  });

  it('does not open for another vault', async () => {
    expect(await outcome(() => openPackage(keyPackage, { own: carol, passphrase: null }))).toBe(
      'PACKAGE_NOT_FOR_THIS_VAULT',
    );
    expect(await outcome(() => openPackage(keyPackage, { own: alice, passphrase: 'x' }))).toBe(
      'PACKAGE_NOT_FOR_THIS_VAULT',
    );
    expect(await outcome(() => openPackage(keyPackage, { own: null, passphrase: null }))).toBe(
      'PACKAGE_NOT_FOR_THIS_VAULT',
    );
  });

  it('is damaged when the seal opens but the sender box inside does not', async () => {
    // Claims Alice's key but is boxed with Carol's secret key: Bob cannot authenticate it.
    const forged = await sealPackage(PAYLOAD, {
      kind: 'partner-key',
      recipientPublicKey: bob.publicKey,
      sender: { publicKey: alice.publicKey, secretKey: carol.secretKey },
    });
    expect(await outcome(() => openPackage(forged, { own: bob, passphrase: null }))).toBe(
      'PACKAGE_DAMAGED',
    );
  });

  it('can be read by an independent reader with stock libsodium, from the documented layout', () => {
    const bytes = Buffer.from(keyPackage);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('CFSHARE\0');
    expect(bytes.readUInt16LE(8)).toBe(1);
    expect(bytes[10]).toBe(1);
    expect(bytes.readUInt16LE(11)).toBe(152);
    const inner = sodium.crypto_box_seal_open(
      bytes.subarray(13, 165),
      bob.publicKey,
      bob.secretKey,
    );
    const sender = inner.subarray(0, 32);
    const contentKey = sodium.crypto_box_open_easy(
      inner.subarray(56),
      inner.subarray(32, 56),
      sender,
      bob.secretKey,
    );
    expect(bytes.readUInt32LE(189)).toBe(bytes.length - KEY_HEADER);
    const payload = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(KEY_HEADER),
      bytes.subarray(0, KEY_HEADER),
      bytes.subarray(165, 189),
      contentKey,
    );
    expect(Buffer.from(payload).equals(PAYLOAD)).toBe(true);
    expect(Buffer.from(sender).equals(alice.publicKey)).toBe(true);
  });

  it('refuses a payload larger than the limit', async () => {
    const big = new Uint8Array(MAX_PACKAGE_PAYLOAD + 1);
    const error = await sealPackage(big, {
      kind: 'partner-key',
      recipientPublicKey: bob.publicKey,
      sender: alice,
    }).catch((caught: unknown) => caught);
    expect(isVaultError(error, 'INTERNAL')).toBe(true);
    expect((error as VaultError).details).toEqual({ reason: 'package payload too large' });
  });
});

describe('share package sealed to a one-time passphrase', () => {
  it('opens with the passphrase, at the default Argon2id cost', async () => {
    const sealed = await sealPackage(PAYLOAD, { kind: 'passphrase', passphrase: PASSPHRASE });
    const header = Buffer.from(sealed);
    expect(header.readUInt32LE(OPSLIMIT_OFFSET)).toBe(PACKAGE_ARGON2.opslimit);
    expect(header.readUInt32LE(MEMLIMIT_OFFSET)).toBe(PACKAGE_ARGON2.memlimit);
    expect(inspectPackage(sealed)).toEqual({ version: 1, seal: 'passphrase' });
    const opened = await openPackage(sealed, { own: bob, passphrase: PASSPHRASE });
    expect(Buffer.from(opened.payload).equals(PAYLOAD)).toBe(true);
    expect(opened.seal).toBe('passphrase');
    expect(opened.senderPublicKey).toBeNull();
  });

  it('opens with the passphrase typed in upper case and with spaces around it', async () => {
    const typed = `  ${PASSPHRASE.toUpperCase()} \n`;
    const opened = await openPackage(passphrasePackage, { own: null, passphrase: typed });
    expect(Buffer.from(opened.payload).equals(PAYLOAD)).toBe(true);
  });

  it('says so when the passphrase is wrong', async () => {
    for (const passphrase of ['k7mz-p2qa-9rtx-hw4e-ub8c-ns3e', 'k7mzp2qa9rtxhw4eub8cns3d', 'x']) {
      expect(await outcome(() => openPackage(passphrasePackage, { own: bob, passphrase }))).toBe(
        'PACKAGE_WRONG_PASSPHRASE',
      );
    }
  });

  it('asks for the passphrase when none was given', async () => {
    for (const passphrase of [null, '', '  \n']) {
      expect(await outcome(() => openPackage(passphrasePackage, { own: bob, passphrase }))).toBe(
        'PACKAGE_PASSPHRASE_NEEDED',
      );
    }
  });

  it('refuses hostile Argon2id parameters as damage, without running the KDF', async () => {
    const kdf = vi.mocked(deriveArgon2idKey);
    const hostile = [
      withUint32(passphrasePackage, MEMLIMIT_OFFSET, 0xffffffff),
      withUint32(passphrasePackage, MEMLIMIT_OFFSET, 2 * 1024 * 1024 * 1024),
      withUint32(passphrasePackage, MEMLIMIT_OFFSET, 1024 * 1024 * 1024 + 1),
      withUint32(passphrasePackage, MEMLIMIT_OFFSET, 1024),
      withUint32(passphrasePackage, OPSLIMIT_OFFSET, 0xffffffff),
      withUint32(passphrasePackage, OPSLIMIT_OFFSET, 0),
    ];
    for (const bytes of hostile) {
      const calls = kdf.mock.calls.length;
      const started = performance.now();
      expect(await outcome(() => openPackage(bytes, { own: null, passphrase: PASSPHRASE }))).toBe(
        'PACKAGE_DAMAGED',
      );
      expect(kdf.mock.calls.length).toBe(calls);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('damaged, newer and foreign files', () => {
  it('reports a file cut short with the right code', async () => {
    const cases: [Uint8Array, number, string][] = [
      [keyPackage, 0, 'PACKAGE_NOT_A_PACKAGE'],
      [keyPackage, 4, 'PACKAGE_NOT_A_PACKAGE'],
      [keyPackage, 8, 'PACKAGE_DAMAGED'],
      [keyPackage, 9, 'PACKAGE_DAMAGED'],
      [keyPackage, 10, 'PACKAGE_DAMAGED'],
      [keyPackage, 12, 'PACKAGE_DAMAGED'],
      [keyPackage, 100, 'PACKAGE_DAMAGED'],
      [keyPackage, 190, 'PACKAGE_DAMAGED'],
      [keyPackage, KEY_HEADER, 'PACKAGE_DAMAGED'],
      [keyPackage, KEY_HEADER + 20, 'PACKAGE_DAMAGED'],
      [keyPackage, keyPackage.length - 1, 'PACKAGE_DAMAGED'],
      [passphrasePackage, 30, 'PACKAGE_DAMAGED'],
      [passphrasePackage, PASSPHRASE_HEADER - 1, 'PACKAGE_DAMAGED'],
      [passphrasePackage, PASSPHRASE_HEADER + 20, 'PACKAGE_DAMAGED'],
      [passphrasePackage, passphrasePackage.length - 1, 'PACKAGE_DAMAGED'],
    ];
    for (const [bytes, length, code] of cases) {
      const cut = bytes.slice(0, length);
      expect([length, await outcome(() => inspectPackage(cut))]).toEqual([length, code]);
      const keys = { own: bob, passphrase: PASSPHRASE };
      expect([length, await outcome(() => openPackage(cut, keys))]).toEqual([length, code]);
    }
  });

  it('refuses bytes after the ciphertext as damage', async () => {
    for (const bytes of [keyPackage, passphrasePackage]) {
      const longer = new Uint8Array(bytes.length + 1);
      longer.set(bytes, 0);
      const keys = { own: bob, passphrase: PASSPHRASE };
      expect(await outcome(() => openPackage(longer, keys))).toBe('PACKAGE_DAMAGED');
      expect(await outcome(() => inspectPackage(longer))).toBe('PACKAGE_DAMAGED');
    }
  });

  it('refuses a package from a newer version', async () => {
    const newer = Uint8Array.from(keyPackage);
    newer[8] = 2;
    const error = await openPackage(newer, { own: bob, passphrase: null }).catch(
      (caught: unknown) => caught,
    );
    expect(isVaultError(error, 'PACKAGE_NEWER_VERSION')).toBe(true);
    expect((error as VaultError).details).toEqual({ version: 2 });
    expect(await outcome(() => inspectPackage(newer))).toBe('PACKAGE_NEWER_VERSION');
  });

  it('calls version 0 and an unknown seal damage', async () => {
    const versionZero = Uint8Array.from(keyPackage);
    versionZero[8] = 0;
    const unknownSeal = Uint8Array.from(keyPackage);
    unknownSeal[10] = 3;
    for (const bytes of [versionZero, unknownSeal]) {
      expect(await outcome(() => inspectPackage(bytes))).toBe('PACKAGE_DAMAGED');
      expect(await outcome(() => openPackage(bytes, { own: bob, passphrase: null }))).toBe(
        'PACKAGE_DAMAGED',
      );
    }
  });

  it('says "not a package" for random bytes, an empty file and a vault file', async () => {
    const vaultFile = new Uint8Array(4096);
    vaultFile.set(VAULT_MAGIC, 0);
    const files = [randomBytes(4096), new Uint8Array(0), vaultFile, Buffer.from('CFSH')];
    for (const file of files) {
      expect(await outcome(() => inspectPackage(file))).toBe('PACKAGE_NOT_A_PACKAGE');
      expect(await outcome(() => openPackage(file, { own: bob, passphrase: PASSPHRASE }))).toBe(
        'PACKAGE_NOT_A_PACKAGE',
      );
    }
  });

  it('never opens a key-sealed package with any byte altered', async () => {
    const small = await sealPackage(Buffer.from('hi'), {
      kind: 'partner-key',
      recipientPublicKey: bob.publicKey,
      sender: alice,
    });
    expect((await openPackage(small, { own: bob, passphrase: null })).payload).toEqual(
      new Uint8Array(Buffer.from('hi')),
    );
    const outcomes = new Set<string>();
    for (let offset = 0; offset < small.length; offset++) {
      for (const mask of [0x01, 0x03, 0x80, 0xff]) {
        const altered = withByte(small, offset, mask);
        const result = await outcome(() => openPackage(altered, { own: bob, passphrase: null }));
        expect([offset, mask, REFUSALS.includes(result) ? 'refused' : result]).toEqual([
          offset,
          mask,
          'refused',
        ]);
        outcomes.add(result);
      }
    }
    // The test really reached every stage: envelope, seal and payload.
    expect(outcomes).toEqual(
      new Set([
        'PACKAGE_NOT_A_PACKAGE',
        'PACKAGE_NEWER_VERSION',
        'PACKAGE_DAMAGED',
        'PACKAGE_NOT_FOR_THIS_VAULT',
      ]),
    );
  });

  it('never opens a passphrase package with a byte altered (sample of positions)', async () => {
    const last = passphrasePackage.length - 1;
    const offsets = [
      ...Array.from({ length: 11 }, (_, i) => i), // magic, version, seal
      11,
      19,
      26, // salt
      ...Array.from({ length: 8 }, (_, i) => OPSLIMIT_OFFSET + i), // opslimit, memlimit
      35,
      58, // wrap nonce
      59,
      80,
      106, // wrapped key
      107,
      130, // payload nonce
      131,
      134, // payload length
      PASSPHRASE_HEADER,
      last - 16,
      last,
    ];
    const outcomes = new Set<string>();
    for (const offset of offsets) {
      const altered = withByte(passphrasePackage, offset, 0xff);
      const result = await outcome(() =>
        openPackage(altered, { own: bob, passphrase: PASSPHRASE }),
      );
      expect([offset, REFUSALS.includes(result) ? 'refused' : result]).toEqual([offset, 'refused']);
      outcomes.add(result);
    }
    expect([...outcomes]).toContain('PACKAGE_WRONG_PASSPHRASE');
    expect([...outcomes]).toContain('PACKAGE_DAMAGED');
  });
});

describe('one-time passphrase', () => {
  it('is six groups of four unambiguous symbols', () => {
    for (let i = 0; i < 100; i++) {
      expect(generateOneTimePassphrase()).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$/);
    }
  });

  it('is different every time', () => {
    const passphrases = new Set(Array.from({ length: 1000 }, () => generateOneTimePassphrase()));
    expect(passphrases.size).toBe(1000);
  });
});

describe("an interceptor's view", () => {
  it("holds neither the sender's key nor the payload in the clear", () => {
    expect(contains(keyPackage, alice.publicKey)).toBe(false);
    expect(contains(keyPackage, bob.publicKey)).toBe(false);
    const needle = Buffer.from('Иванов');
    expect(contains(PAYLOAD, needle)).toBe(true);
    for (const bytes of [keyPackage, passphrasePackage]) {
      expect(contains(bytes, needle)).toBe(false);
      expect(contains(bytes, PAYLOAD.subarray(0, 8))).toBe(false);
    }
    expect(contains(passphrasePackage, Buffer.from(PASSPHRASE))).toBe(false);
    expect(Buffer.from(keyPackage.subarray(0, 8)).equals(SHARE_PACKAGE_MAGIC)).toBe(true);
  });

  it('sees a fresh ciphertext every time, even for the same payload and recipient', async () => {
    const again = await sealPackage(PAYLOAD, {
      kind: 'partner-key',
      recipientPublicKey: bob.publicKey,
      sender: alice,
    });
    expect(again.length).toBe(keyPackage.length);
    expect(Buffer.from(again.subarray(11)).equals(keyPackage.subarray(11))).toBe(false);
    expect(Buffer.from(again.subarray(KEY_HEADER)).equals(keyPackage.subarray(KEY_HEADER))).toBe(
      false,
    );
  });
});
