/**
 * Share package format v1, byte by byte in docs/share-package-format.md: records one vault
 * shares with another, as one encrypted file. This module only turns payload bytes into
 * package bytes and back; services/share/ builds the payload and decides what goes in it.
 *
 *   magic(8) version(2) seal(1) | seal body | payloadNonce(24) payloadLength(4) | ciphertext
 *     seal 1, partner key:  sealedLength(2) sealed(152)
 *     seal 2, passphrase:   salt(16) opslimit(4) memlimit(4) wrapNonce(24) wrapped(48)
 *
 * Integers are unsigned little-endian, as in the vault format. A random 32-byte content key
 * encrypts the payload (XChaCha20-Poly1305) with every byte before the ciphertext as
 * additional data, so no header byte can change without the payload failing to open. The
 * seal body carries the content key, either to the recipient vault's share key or under a
 * one-time passphrase.
 */
import { randomInt } from 'node:crypto';
import { MAX_PACKAGE_BYTES } from '../../../shared/share.ts';
import { VaultError } from '../errors.ts';
import {
  argon2ParamsInRange,
  deriveArgon2idKey,
  passphraseBytes,
  type Argon2Params,
} from './kdf.ts';
import { SHARE_KEY_BYTES, type ShareKeyPair } from './share-key.ts';
import { loadSodium, wipe, type Sodium } from './sodium.ts';

/** "CFSHARE\0". */
export const SHARE_PACKAGE_MAGIC = Uint8Array.from([
  0x43, 0x46, 0x53, 0x48, 0x41, 0x52, 0x45, 0x00,
]);
export const SHARE_PACKAGE_VERSION = 1;
/**
 * Largest payload (plaintext) a package carries: the whole file (header and tag included)
 * must stay within what the import channel accepts.
 */
export const MAX_PACKAGE_PAYLOAD = MAX_PACKAGE_BYTES - 1024;

/**
 * Argon2id cost for passphrase packages. Lower than the vault's 256 MiB because the secret is
 * not a human-chosen passphrase but a random one-time passphrase of ~118 bits
 * (generateOneTimePassphrase): no amount of guessing gets near it, so the KDF only needs to
 * be a proper password hash, not an expensive one.
 */
export const PACKAGE_ARGON2: Argon2Params = { opslimit: 3, memlimit: 64 * 1024 * 1024 };
/**
 * A reader refuses a memlimit above this before running the KDF: the 4-byte field could ask
 * for 4 GiB, and a hostile file must not make us allocate that.
 */
export const MAX_PACKAGE_MEMLIMIT = 1024 * 1024 * 1024;

export type PackageSeal =
  | { kind: 'partner-key'; recipientPublicKey: Uint8Array; sender: ShareKeyPair }
  | { kind: 'passphrase'; passphrase: string; kdf?: Argon2Params };

export type PackageSealKind = PackageSeal['kind'];

export interface OpenedPackage {
  payload: Uint8Array;
  seal: PackageSealKind;
  /** The sender vault's share key, authenticated; null for a passphrase package. */
  senderPublicKey: Uint8Array | null;
}

const SEAL_BYTE: Readonly<Record<PackageSealKind, number>> = { 'partner-key': 1, passphrase: 2 };

const CONTENT_KEY_BYTES = 32;
/** crypto_box_NONCEBYTES and crypto_aead_xchacha20poly1305_ietf_NPUBBYTES alike. */
const NONCE_BYTES = 24;
/** crypto_aead_xchacha20poly1305_ietf_ABYTES and crypto_box_MACBYTES alike. */
const TAG_BYTES = 16;
/** crypto_box_SEALBYTES: the ephemeral public key and the tag. */
const SEAL_OVERHEAD = 48;
/** crypto_pwhash_SALTBYTES. */
const SALT_BYTES = 16;

/** magic ‖ version ‖ seal. */
const PREFIX_BYTES = 11;
/** sender public key ‖ box nonce ‖ crypto_box_easy(content key). */
const INNER_BYTES = SHARE_KEY_BYTES + NONCE_BYTES + CONTENT_KEY_BYTES + TAG_BYTES;
const SEALED_BYTES = INNER_BYTES + SEAL_OVERHEAD;
const KEY_SEAL_BODY = 2 + SEALED_BYTES;
const WRAPPED_BYTES = CONTENT_KEY_BYTES + TAG_BYTES;
/** salt ‖ opslimit ‖ memlimit: the part of the passphrase seal body bound into the wrap AD. */
const KDF_FIELDS = SALT_BYTES + 4 + 4;
const PASSPHRASE_SEAL_BODY = KDF_FIELDS + NONCE_BYTES + WRAPPED_BYTES;
/** payloadNonce ‖ payloadLength. */
const FRAME_BYTES = NONCE_BYTES + 4;

/** 31 symbols that cannot be mistaken for one another when read or typed: no 0/o, 1/l/i. */
const PASSPHRASE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PASSPHRASE_GROUPS = 6;
const PASSPHRASE_GROUP_LENGTH = 4;

interface FrameFields {
  version: number;
  /** Every byte before the ciphertext: the payload's additional data. */
  header: Uint8Array;
  payloadNonce: Uint8Array;
  ciphertext: Uint8Array;
}

type ParsedPackage =
  | (FrameFields & { seal: 'partner-key'; sealed: Uint8Array })
  | (FrameFields & {
      seal: 'passphrase';
      salt: Uint8Array;
      kdf: Argon2Params;
      wrapNonce: Uint8Array;
      wrapped: Uint8Array;
      /** magic ‖ version ‖ seal ‖ salt ‖ opslimit ‖ memlimit. */
      wrapAd: Uint8Array;
    });

// ---------------------------------------------------------------------------------------------
// Writing

/** Encrypts `payload` into a complete package file. The caller owns and wipes `payload`. */
export async function sealPackage(payload: Uint8Array, seal: PackageSeal): Promise<Uint8Array> {
  if (payload.length > MAX_PACKAGE_PAYLOAD) {
    throw new VaultError('INTERNAL', { reason: 'package payload too large' });
  }
  const sodium = await loadSodium();
  const prefix = encodePrefix(seal.kind);
  const contentKey = sodium.randombytes_buf(CONTENT_KEY_BYTES);
  try {
    const body =
      seal.kind === 'partner-key'
        ? keySealBody(sodium, contentKey, seal.recipientPublicKey, seal.sender)
        : await passphraseSealBody(sodium, contentKey, prefix, seal.passphrase, seal.kdf);
    const header = new Uint8Array(PREFIX_BYTES + body.length + FRAME_BYTES);
    header.set(prefix, 0);
    header.set(body, PREFIX_BYTES);
    const payloadNonce = sodium.randombytes_buf(NONCE_BYTES);
    header.set(payloadNonce, PREFIX_BYTES + body.length);
    view(header).setUint32(header.length - 4, payload.length + TAG_BYTES, true);
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      payload,
      header,
      null,
      payloadNonce,
      contentKey,
    );
    const out = new Uint8Array(header.length + ciphertext.length);
    out.set(header, 0);
    out.set(ciphertext, header.length);
    return out;
  } finally {
    wipe(contentKey);
  }
}

function encodePrefix(kind: PackageSealKind): Uint8Array {
  const prefix = new Uint8Array(PREFIX_BYTES);
  prefix.set(SHARE_PACKAGE_MAGIC, 0);
  view(prefix).setUint16(8, SHARE_PACKAGE_VERSION, true);
  prefix[10] = SEAL_BYTE[kind];
  return prefix;
}

/**
 * sealedLength ‖ crypto_box_seal(sender public key ‖ nonce ‖ crypto_box_easy(content key)).
 * The inner box authenticates the sender to the recipient; the outer anonymous seal hides
 * who the sender is from everyone else.
 */
function keySealBody(
  sodium: Sodium,
  contentKey: Uint8Array,
  recipientPublicKey: Uint8Array,
  sender: ShareKeyPair,
): Uint8Array {
  if (
    recipientPublicKey.length !== SHARE_KEY_BYTES ||
    sender.publicKey.length !== SHARE_KEY_BYTES ||
    sender.secretKey.length !== SHARE_KEY_BYTES
  ) {
    throw new VaultError('INTERNAL', { reason: 'bad share key size' });
  }
  const boxNonce = sodium.randombytes_buf(NONCE_BYTES);
  const box = sodium.crypto_box_easy(contentKey, boxNonce, recipientPublicKey, sender.secretKey);
  const inner = new Uint8Array(INNER_BYTES);
  inner.set(sender.publicKey, 0);
  inner.set(boxNonce, SHARE_KEY_BYTES);
  inner.set(box, SHARE_KEY_BYTES + NONCE_BYTES);
  const sealed = sodium.crypto_box_seal(inner, recipientPublicKey);
  wipe(inner);
  const body = new Uint8Array(KEY_SEAL_BODY);
  view(body).setUint16(0, sealed.length, true);
  body.set(sealed, 2);
  return body;
}

/** salt ‖ opslimit ‖ memlimit ‖ wrapNonce ‖ content key wrapped under Argon2id(passphrase). */
async function passphraseSealBody(
  sodium: Sodium,
  contentKey: Uint8Array,
  prefix: Uint8Array,
  passphrase: string,
  kdf: Argon2Params = PACKAGE_ARGON2,
): Promise<Uint8Array> {
  const secret = normalizePackagePassphrase(passphrase);
  if (secret === '') throw new VaultError('INTERNAL', { reason: 'empty package passphrase' });
  // Write only what every reader accepts, or the recipient could not open the package.
  if (!kdfAcceptable(kdf)) throw new VaultError('INTERNAL', { reason: 'package kdf params' });
  const body = new Uint8Array(PASSPHRASE_SEAL_BODY);
  const fields = view(body);
  body.set(sodium.randombytes_buf(SALT_BYTES), 0);
  fields.setUint32(SALT_BYTES, kdf.opslimit, true);
  fields.setUint32(SALT_BYTES + 4, kdf.memlimit, true);
  const wrapNonce = sodium.randombytes_buf(NONCE_BYTES);
  body.set(wrapNonce, KDF_FIELDS);
  const wrapAd = concat(prefix, body.subarray(0, KDF_FIELDS));
  const kek = await deriveArgon2idKey(passphraseBytes(secret), body.subarray(0, SALT_BYTES), kdf);
  try {
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      contentKey,
      wrapAd,
      null,
      wrapNonce,
      kek,
    );
    body.set(wrapped, KDF_FIELDS + NONCE_BYTES);
  } finally {
    wipe(kek);
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * What a package is, from its bytes alone, without any key: everything a reader can check
 * before it has a secret is checked here (layout, lengths, KDF bounds), so a damaged file is
 * reported as damaged before anyone is asked for a passphrase.
 */
export function inspectPackage(bytes: Uint8Array): { version: number; seal: PackageSealKind } {
  const { version, seal } = parsePackage(bytes);
  return { version, seal };
}

/**
 * Opens a package with this vault's share key pair or the one-time passphrase the user typed.
 * Never returns a payload that did not authenticate; every failure is a VaultError whose code
 * says what the user can do about it.
 */
export async function openPackage(
  bytes: Uint8Array,
  keys: { own: ShareKeyPair | null; passphrase: string | null },
): Promise<OpenedPackage> {
  const parsed = parsePackage(bytes);
  const sodium = await loadSodium();
  const { contentKey, senderPublicKey } =
    parsed.seal === 'partner-key'
      ? openKeySeal(sodium, parsed.sealed, keys.own)
      : {
          contentKey: await unwrapWithPassphrase(sodium, parsed, keys.passphrase),
          senderPublicKey: null,
        };
  try {
    let payload: Uint8Array;
    try {
      payload = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        parsed.ciphertext,
        parsed.header,
        parsed.payloadNonce,
        contentKey,
      );
    } catch {
      throw damaged('payload'); // libsodium.js throws on a failed tag.
    }
    return { payload, seal: parsed.seal, senderPublicKey };
  } finally {
    wipe(contentKey);
  }
}

/**
 * Checks the layout and splits a package into its fields. Order matters: the magic first (is
 * this ours at all?), then the version (a newer layout must not be judged by this one), then
 * the rest.
 */
function parsePackage(bytes: Uint8Array): ParsedPackage {
  const magic = SHARE_PACKAGE_MAGIC.length;
  if (bytes.length < magic || !equalBytes(bytes.subarray(0, magic), SHARE_PACKAGE_MAGIC)) {
    throw new VaultError('PACKAGE_NOT_A_PACKAGE');
  }
  const fields = view(bytes);
  if (bytes.length < magic + 2) throw damaged('truncated');
  const version = fields.getUint16(magic, true);
  if (version > SHARE_PACKAGE_VERSION) throw new VaultError('PACKAGE_NEWER_VERSION', { version });
  if (version < 1) throw damaged('version');
  if (bytes.length < PREFIX_BYTES) throw damaged('truncated');
  const sealByte = bytes[10];
  const seal =
    sealByte === SEAL_BYTE['partner-key']
      ? 'partner-key'
      : sealByte === SEAL_BYTE.passphrase
        ? 'passphrase'
        : null;
  if (seal === null) throw damaged('seal');
  const bodyLength = seal === 'partner-key' ? KEY_SEAL_BODY : PASSPHRASE_SEAL_BODY;
  const headerLength = PREFIX_BYTES + bodyLength + FRAME_BYTES;
  if (bytes.length < headerLength) throw damaged('truncated');
  const payloadLength = fields.getUint32(headerLength - 4, true);
  if (payloadLength < TAG_BYTES || payloadLength > MAX_PACKAGE_PAYLOAD + TAG_BYTES) {
    throw damaged('payload-length');
  }
  if (bytes.length < headerLength + payloadLength) throw damaged('truncated');
  if (bytes.length > headerLength + payloadLength) throw damaged('trailing-data');
  const frame: FrameFields = {
    version,
    header: bytes.subarray(0, headerLength),
    payloadNonce: bytes.subarray(headerLength - FRAME_BYTES, headerLength - 4),
    ciphertext: bytes.subarray(headerLength),
  };
  const body = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + bodyLength);
  if (seal === 'partner-key') {
    // Fixed in version 1; a different value is a damaged field, not a different layout.
    if (view(body).getUint16(0, true) !== SEALED_BYTES) throw damaged('sealed-length');
    return { ...frame, seal, sealed: body.subarray(2) };
  }
  const kdf = {
    opslimit: view(body).getUint32(SALT_BYTES, true),
    memlimit: view(body).getUint32(SALT_BYTES + 4, true),
  };
  if (!kdfAcceptable(kdf)) throw damaged('kdf-params');
  return {
    ...frame,
    seal,
    salt: body.subarray(0, SALT_BYTES),
    kdf,
    wrapNonce: body.subarray(KDF_FIELDS, KDF_FIELDS + NONCE_BYTES),
    wrapped: body.subarray(KDF_FIELDS + NONCE_BYTES),
    wrapAd: bytes.subarray(0, PREFIX_BYTES + KDF_FIELDS),
  };
}

/**
 * Opens the anonymous seal with our key pair, then the sender's box inside it. A seal that
 * does not open was made for another vault (or altered: the two cannot be told apart); a
 * seal that opens around a box that does not was made wrongly, which is damage.
 */
function openKeySeal(
  sodium: Sodium,
  sealed: Uint8Array,
  own: ShareKeyPair | null,
): { contentKey: Uint8Array; senderPublicKey: Uint8Array } {
  if (!own) throw new VaultError('PACKAGE_NOT_FOR_THIS_VAULT');
  let inner: Uint8Array;
  try {
    inner = sodium.crypto_box_seal_open(sealed, own.publicKey, own.secretKey);
  } catch {
    throw new VaultError('PACKAGE_NOT_FOR_THIS_VAULT'); // libsodium.js throws on a failed tag.
  }
  try {
    if (inner.length !== INNER_BYTES) throw damaged('sealed-content');
    const senderPublicKey = inner.slice(0, SHARE_KEY_BYTES);
    let contentKey: Uint8Array;
    try {
      contentKey = sodium.crypto_box_open_easy(
        inner.subarray(SHARE_KEY_BYTES + NONCE_BYTES),
        inner.subarray(SHARE_KEY_BYTES, SHARE_KEY_BYTES + NONCE_BYTES),
        senderPublicKey,
        own.secretKey,
      );
    } catch {
      throw damaged('sender-box');
    }
    return { contentKey, senderPublicKey };
  } finally {
    wipe(inner);
  }
}

async function unwrapWithPassphrase(
  sodium: Sodium,
  parsed: Extract<ParsedPackage, { seal: 'passphrase' }>,
  passphrase: string | null,
): Promise<Uint8Array> {
  const secret = passphrase === null ? '' : normalizePackagePassphrase(passphrase);
  if (secret === '') throw new VaultError('PACKAGE_PASSPHRASE_NEEDED');
  const kek = await deriveArgon2idKey(passphraseBytes(secret), parsed.salt, parsed.kdf);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      parsed.wrapped,
      parsed.wrapAd,
      parsed.wrapNonce,
      kek,
    );
  } catch {
    // A wrong passphrase and an altered seal body look the same; the likelier one is said.
    throw new VaultError('PACKAGE_WRONG_PASSPHRASE');
  } finally {
    wipe(kek);
  }
}

// ---------------------------------------------------------------------------------------------
// One-time passphrase

/**
 * A random passphrase for one package, to be read out or sent on another channel: six groups
 * of four symbols joined by '-' ("k7mz-…"), 24 × log2(31) ≈ 118.9 bits. randomInt draws
 * without modulo bias.
 */
export function generateOneTimePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < PASSPHRASE_GROUPS; g++) {
    let group = '';
    for (let c = 0; c < PASSPHRASE_GROUP_LENGTH; c++) {
      group += PASSPHRASE_ALPHABET.charAt(randomInt(PASSPHRASE_ALPHABET.length));
    }
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * The passphrase as typed, made comparable: surrounding spaces dropped and lower case (the
 * one-time passphrase is read out and typed by hand); passphraseBytes then applies NFC.
 */
function normalizePackagePassphrase(passphrase: string): string {
  return passphrase.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Helpers

function kdfAcceptable(kdf: Argon2Params): boolean {
  return argon2ParamsInRange(kdf) && kdf.memlimit <= MAX_PACKAGE_MEMLIMIT;
}

function damaged(reason: string): VaultError {
  return new VaultError('PACKAGE_DAMAGED', { reason });
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
