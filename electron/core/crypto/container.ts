/**
 * Container format v1, byte by byte in docs/vault-format.md. This module only lays out and
 * checks bytes; keyslots.ts turns secrets into keys, and vault/ decides when to read or write.
 *
 *   magic(8) version(2) headerLength(4) kind(1) flags(1) chunkSize(4) slotCount(1)
 *   slots… streamHeader(24) checksum(32) | chunk… (each chunkSize + 17 bytes, the last shorter)
 *
 * magic, version, headerLength and the trailing checksum are the same for every version, so a
 * reader can tell "damaged" from "newer" before it understands the rest.
 */
import { VaultError } from '../errors.ts';
import { argon2ParamsInRange, type Argon2Params } from './kdf.ts';
import {
  createStreamDecryptor,
  createStreamEncryptor,
  STREAM_ABYTES,
  STREAM_HEADER_BYTES,
  StreamAuthError,
  TAG_FINAL,
  TAG_MESSAGE,
  type StreamDecryptor,
  type StreamEncryptor,
} from './secretstream.ts';
import { loadSodium, wipe } from './sodium.ts';

export const MAGIC = Uint8Array.from([0x89, 0x43, 0x4f, 0x4e, 0x46, 0x49, 0x44, 0x0a]);
export const FORMAT_VERSION = 1;
export const FILE_KIND_VAULT = 1;
/** A backup (docs/vault-format.md §14): the same envelope, header and keyslots as a vault. */
export const FILE_KIND_BACKUP = 2;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MIN_CHUNK_SIZE = 4096;
export const MAX_CHUNK_SIZE = 64 * 1024 * 1024;
export const MAX_KEYSLOTS = 16;
export const CHECKSUM_BYTES = 32;
/** Offset of the first keyslot. */
const SLOTS_OFFSET = 21;

export const SLOT_TYPE_PASSPHRASE = 1;
export const SLOT_TYPE_RECOVERY = 2;
export const KDF_ARGON2ID13 = 2;
export const SALT_BYTES = 16;
export const WRAP_NONCE_BYTES = 24;
export const WRAPPED_KEY_BYTES = 48;
const PASSPHRASE_SLOT_BODY = 1 + 4 + 8 + SALT_BYTES + WRAP_NONCE_BYTES + WRAPPED_KEY_BYTES;
const RECOVERY_SLOT_BODY = SALT_BYTES + WRAP_NONCE_BYTES + WRAPPED_KEY_BYTES;

export interface PassphraseSlot {
  type: 'passphrase';
  kdf: Argon2Params;
  salt: Uint8Array;
  nonce: Uint8Array;
  wrappedKey: Uint8Array;
}

export interface RecoverySlot {
  type: 'recovery';
  salt: Uint8Array;
  nonce: Uint8Array;
  wrappedKey: Uint8Array;
}

export type Keyslot = PassphraseSlot | RecoverySlot;

export interface ContainerHeader {
  version: number;
  kind: number;
  chunkSize: number;
  slots: Keyslot[];
  streamHeader: Uint8Array;
}

export interface ParsedContainer {
  header: ContainerHeader;
  /** Bytes [0, headerLength): the additional data of every payload chunk. */
  headerBytes: Uint8Array;
  payload: Uint8Array;
}

/** Details for errors: which file we were reading (for the sentence the user reads). */
type Where = { file: string };

// ---------------------------------------------------------------------------------------------
// Header

export function encodeHeader(
  header: ContainerHeader,
  checksum: (data: Uint8Array) => Uint8Array,
): Buffer {
  const slotBytes = header.slots.map(encodeSlot);
  const length =
    SLOTS_OFFSET +
    slotBytes.reduce((sum, slot) => sum + slot.length, 0) +
    STREAM_HEADER_BYTES +
    CHECKSUM_BYTES;
  const out = Buffer.alloc(length);
  out.set(MAGIC, 0);
  out.writeUInt16LE(header.version, 8);
  out.writeUInt32LE(length, 10);
  out.writeUInt8(header.kind, 14);
  out.writeUInt8(0, 15);
  out.writeUInt32LE(header.chunkSize, 16);
  out.writeUInt8(header.slots.length, 20);
  let offset = SLOTS_OFFSET;
  for (const slot of slotBytes) {
    out.set(slot, offset);
    offset += slot.length;
  }
  out.set(header.streamHeader, offset);
  out.set(checksum(out.subarray(0, length - CHECKSUM_BYTES)), length - CHECKSUM_BYTES);
  return out;
}

/** One keyslot as stored in a header (type, length, body); kept in a vault for backups. */
export function encodeKeyslot(slot: Keyslot): Buffer {
  return encodeSlot(slot);
}

/** The inverse of encodeKeyslot; throws CORRUPT_VAULT on anything malformed. */
export function decodeKeyslot(bytes: Uint8Array, where: Where): Keyslot {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 3 || buffer.readUInt16LE(1) !== buffer.length - 3) {
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-length' });
  }
  return parseSlot(buffer.readUInt8(0), buffer.subarray(3), where, FORMAT_VERSION);
}

function encodeSlot(slot: Keyslot): Buffer {
  const body = slot.type === 'passphrase' ? PASSPHRASE_SLOT_BODY : RECOVERY_SLOT_BODY;
  const out = Buffer.alloc(3 + body);
  out.writeUInt8(slot.type === 'passphrase' ? SLOT_TYPE_PASSPHRASE : SLOT_TYPE_RECOVERY, 0);
  out.writeUInt16LE(body, 1);
  let offset = 3;
  if (slot.type === 'passphrase') {
    out.writeUInt8(KDF_ARGON2ID13, offset);
    out.writeUInt32LE(slot.kdf.opslimit, offset + 1);
    out.writeBigUInt64LE(BigInt(slot.kdf.memlimit), offset + 5);
    offset += 13;
  }
  out.set(slot.salt, offset);
  out.set(slot.nonce, offset + SALT_BYTES);
  out.set(slot.wrappedKey, offset + SALT_BYTES + WRAP_NONCE_BYTES);
  return out;
}

/**
 * The additional data that binds a wrapped master key to its slot and its file type:
 * magic ‖ version ‖ kind ‖ slot type ‖ slot body without the wrapped key. Changing a KDF
 * parameter or salt therefore makes the slot fail to open, not open weaker.
 */
export function slotAssociatedData(slot: Keyslot, version: number, kind: number): Buffer {
  const encoded = encodeSlot(slot);
  const prefix = Buffer.alloc(11);
  prefix.set(MAGIC, 0);
  prefix.writeUInt16LE(version, 8);
  prefix.writeUInt8(kind, 10);
  return Buffer.concat([
    prefix,
    encoded.subarray(0, 1),
    encoded.subarray(3, encoded.length - WRAPPED_KEY_BYTES),
  ]);
}

/**
 * How many leading bytes hold the header, read from the envelope (the first 14 bytes), or
 * undefined if they do not look like a Confidant file. Lets a reader fetch just the header.
 */
export function headerLengthOf(start: Uint8Array): number | undefined {
  if (start.length < 14) return undefined;
  const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  return bytes.subarray(0, MAGIC.length).equals(MAGIC) ? bytes.readUInt32LE(10) : undefined;
}

/**
 * Reads and checks a file's header. Only bytes [0, header length) are looked at, so the
 * payload may still be arriving. Throws VaultError with the code the user needs.
 */
export function parseContainer(
  file: Uint8Array,
  where: Where,
  checksum: (data: Uint8Array) => Uint8Array,
  expectedKind: number = FILE_KIND_VAULT,
  /** The newest header version this reader understands for this kind (backups have a version 2). */
  maxVersion: number = FORMAT_VERSION,
): ParsedContainer {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length === 0) throw new VaultError('NOT_A_VAULT', { ...where, reason: 'empty' });
  const magicLength = Math.min(bytes.length, MAGIC.length);
  if (!bytes.subarray(0, magicLength).equals(MAGIC.subarray(0, magicLength))) {
    const reason =
      bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' ? 'plain-sqlite' : 'magic';
    throw new VaultError('NOT_A_VAULT', { ...where, reason });
  }
  if (bytes.length < 14) throw new VaultError('TRUNCATED_VAULT', where);
  const version = bytes.readUInt16LE(8);
  const headerLength = bytes.readUInt32LE(10);
  if (headerLength < SLOTS_OFFSET + STREAM_HEADER_BYTES + CHECKSUM_BYTES) {
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'header-length' });
  }
  if (headerLength > bytes.length) throw new VaultError('TRUNCATED_VAULT', where);
  const headerBytes = bytes.subarray(0, headerLength);
  const expected = checksum(headerBytes.subarray(0, headerLength - CHECKSUM_BYTES));
  if (!Buffer.from(expected).equals(headerBytes.subarray(headerLength - CHECKSUM_BYTES))) {
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'header-checksum' });
  }
  // From here on the header is what its writer wrote; only now may "newer" be believed. A
  // known kind is told first: a backup picked as a vault is that, whatever its version.
  const knownKind = bytes.readUInt8(14);
  if (
    knownKind !== expectedKind &&
    (knownKind === FILE_KIND_VAULT || knownKind === FILE_KIND_BACKUP)
  )
    throw wrongKind(knownKind, expectedKind, where);
  if (version > maxVersion) throw new VaultError('NEWER_VERSION', { ...where, version });
  if (version < 1) throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'version' });
  const kind = bytes.readUInt8(14);
  const flags = bytes.readUInt8(15);
  if (flags !== 0) throw new VaultError('NEWER_VERSION', { ...where, version, reason: 'flags' });
  if (kind !== expectedKind) throw wrongKind(kind, expectedKind, where);
  const chunkSize = bytes.readUInt32LE(16);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'chunk-size' });
  }
  const slotCount = bytes.readUInt8(20);
  if (slotCount < 1 || slotCount > MAX_KEYSLOTS) {
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-count' });
  }
  const slotsEnd = headerLength - CHECKSUM_BYTES - STREAM_HEADER_BYTES;
  const slots: Keyslot[] = [];
  let offset = SLOTS_OFFSET;
  for (let i = 0; i < slotCount; i++) {
    if (offset + 3 > slotsEnd)
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-bounds' });
    const type = bytes.readUInt8(offset);
    const bodyLength = bytes.readUInt16LE(offset + 1);
    const body = bytes.subarray(offset + 3, offset + 3 + bodyLength);
    if (offset + 3 + bodyLength > slotsEnd) {
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-bounds' });
    }
    slots.push(parseSlot(type, body, where, version));
    offset += 3 + bodyLength;
  }
  if (offset !== slotsEnd)
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-bounds' });
  return {
    header: {
      version,
      kind,
      chunkSize,
      slots,
      streamHeader: Uint8Array.from(bytes.subarray(slotsEnd, slotsEnd + STREAM_HEADER_BYTES)),
    },
    headerBytes,
    payload: bytes.subarray(headerLength),
  };
}

/** A Confidant file of another kind than expected: a vault picked as a backup, or the reverse. */
function wrongKind(kind: number, expected: number, where: Where): VaultError {
  if (expected === FILE_KIND_BACKUP)
    return new VaultError('NOT_A_BACKUP', {
      ...where,
      reason: kind === FILE_KIND_VAULT ? 'vault' : 'kind',
    });
  return new VaultError('NOT_A_VAULT', {
    ...where,
    reason: kind === FILE_KIND_BACKUP ? 'backup' : 'kind',
  });
}

function parseSlot(type: number, body: Buffer, where: Where, version: number): Keyslot {
  if (type === SLOT_TYPE_PASSPHRASE) {
    if (body.length !== PASSPHRASE_SLOT_BODY) {
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-length' });
    }
    if (body.readUInt8(0) !== KDF_ARGON2ID13) {
      throw new VaultError('NEWER_VERSION', { ...where, version, reason: 'kdf' });
    }
    const memlimit = body.readBigUInt64LE(5);
    const kdf = {
      opslimit: body.readUInt32LE(1),
      memlimit:
        memlimit > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(memlimit),
    };
    if (!argon2ParamsInRange(kdf))
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'kdf-params' });
    return { type: 'passphrase', kdf, ...slotSecrets(body.subarray(13)) };
  }
  if (type === SLOT_TYPE_RECOVERY) {
    if (body.length !== RECOVERY_SLOT_BODY) {
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'slot-length' });
    }
    return { type: 'recovery', ...slotSecrets(body) };
  }
  throw new VaultError('NEWER_VERSION', { ...where, version, reason: 'slot-type' });
}

function slotSecrets(bytes: Buffer): Pick<Keyslot, 'salt' | 'nonce' | 'wrappedKey'> {
  return {
    salt: Uint8Array.from(bytes.subarray(0, SALT_BYTES)),
    nonce: Uint8Array.from(bytes.subarray(SALT_BYTES, SALT_BYTES + WRAP_NONCE_BYTES)),
    wrappedKey: Uint8Array.from(bytes.subarray(SALT_BYTES + WRAP_NONCE_BYTES)),
  };
}

// ---------------------------------------------------------------------------------------------
// Payload

/** The size of the file `sealContainer` writes for an image of `imageLength` bytes. */
export function containerSize(
  header: Omit<ContainerHeader, 'streamHeader'>,
  imageLength: number,
): number {
  const slots = header.slots.reduce(
    (sum, slot) =>
      sum + 3 + (slot.type === 'passphrase' ? PASSPHRASE_SLOT_BODY : RECOVERY_SLOT_BODY),
    0,
  );
  const chunkCount = Math.max(1, Math.ceil(imageLength / header.chunkSize));
  return (
    SLOTS_OFFSET +
    slots +
    STREAM_HEADER_BYTES +
    CHECKSUM_BYTES +
    imageLength +
    chunkCount * STREAM_ABYTES
  );
}

/** Plain BLAKE2b-256 (crypto_generichash, no key): the header checksum. */
export async function headerChecksum(): Promise<(data: Uint8Array) => Uint8Array> {
  const sodium = await loadSodium();
  return (data) => sodium.crypto_generichash(CHECKSUM_BYTES, data, null);
}

/**
 * Builds a whole container file: header (with a fresh stream header) and the encrypted
 * image. The caller owns `image` and wipes it. `reuse`, if large enough, receives the file
 * (saves reuse one buffer instead of allocating tens of megabytes each time).
 */
export async function sealContainer(
  header: Omit<ContainerHeader, 'streamHeader'>,
  payloadKey: Uint8Array,
  image: Uint8Array,
  reuse?: Buffer,
): Promise<Buffer> {
  const checksum = await headerChecksum();
  const chunks = imageChunks(image.length, header.chunkSize);
  const stream = await createStreamEncryptor(payloadKey);
  try {
    const headerBytes = encodeHeader({ ...header, streamHeader: stream.header }, checksum);
    const size = headerBytes.length + image.length + chunks.count * STREAM_ABYTES;
    const out = reuse && reuse.length >= size ? reuse.subarray(0, size) : Buffer.allocUnsafe(size);
    out.set(headerBytes, 0);
    pushImage(stream, image, header.chunkSize, headerBytes, out, headerBytes.length);
    return out;
  } finally {
    stream.dispose();
  }
}

/**
 * Decrypts the payload **in place** and returns the SQLite image as a view into the file
 * buffer `parsed` was read from (at the payload's offset): plaintext chunk i is written where
 * ciphertext chunk i began, never over bytes not yet read. That saves allocating and
 * page-faulting a second buffer the size of the vault. The file buffer is consumed: on
 * success it holds the image (the caller wipes it after use); on failure it is zeroed.
 * Every chunk but the last must carry TAG_MESSAGE, the last TAG_FINAL, and nothing may follow.
 */
export async function openPayload(
  parsed: ParsedContainer,
  payloadKey: Uint8Array,
  where: Where,
  /** Waits until the file's bytes [0, end) are present (the file may still be loading). */
  bytesReady: (end: number) => Promise<void> = () => Promise.resolve(),
): Promise<Buffer> {
  const { payload, headerBytes } = parsed;
  // Refuses a payload that cannot be whole chunks (cut short, or bytes appended) up front.
  encryptedChunks(payload.length, parsed.header.chunkSize, where);
  const stream = await createStreamDecryptor(payloadKey, parsed.header.streamHeader);
  try {
    return await pullImage(stream, payload, parsed.header.chunkSize, headerBytes, where, (end) =>
      bytesReady(headerBytes.length + end),
    );
  } catch (error) {
    // Whatever was decrypted before the failure must not stay in memory.
    wipe(payload);
    throw error;
  } finally {
    stream.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The image as a run of chunks (a vault's whole payload; a backup's after its metadata)

/** How many messages an image of `length` bytes is cut into, and how long the last one is. */
export function imageChunks(
  length: number,
  chunkSize: number,
): { count: number; lastLength: number } {
  const count = Math.max(1, Math.ceil(length / chunkSize));
  return { count, lastLength: length - (count - 1) * chunkSize };
}

/** The same for `length` bytes of encrypted chunks; refuses lengths no writer produces. */
export function encryptedChunks(
  length: number,
  chunkSize: number,
  where: Where,
): { count: number; lastLength: number } {
  if (length < STREAM_ABYTES) throw new VaultError('TRUNCATED_VAULT', where);
  const fullChunk = chunkSize + STREAM_ABYTES;
  const count = Math.ceil(length / fullChunk);
  const lastLength = length - (count - 1) * fullChunk - STREAM_ABYTES;
  if (lastLength < 0) throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'chunk-bounds' });
  return { count, lastLength };
}

/** Encrypts `image` in messages of `chunkSize` into `out` from `offset`; the last is TAG_FINAL. */
export function pushImage(
  stream: StreamEncryptor,
  image: Uint8Array,
  chunkSize: number,
  headerBytes: Uint8Array,
  out: Uint8Array,
  offset: number,
): void {
  const { count } = imageChunks(image.length, chunkSize);
  let at = offset;
  for (let i = 0; i < count; i++) {
    const message = image.subarray(i * chunkSize, (i + 1) * chunkSize);
    stream.push(message, headerBytes, i === count - 1 ? TAG_FINAL : TAG_MESSAGE, out, at);
    at += message.length + STREAM_ABYTES;
  }
}

/**
 * Decrypts the image chunks in `chunks` **in place** (plaintext chunk i is written where
 * ciphertext chunk i began, never over bytes not yet read) and returns the image as a view
 * into it. Every chunk but the last must carry TAG_MESSAGE, the last TAG_FINAL, and nothing
 * may follow. `bytesReady(end)` waits until chunks[0, end) has arrived.
 */
export async function pullImage(
  stream: StreamDecryptor,
  chunks: Uint8Array,
  chunkSize: number,
  headerBytes: Uint8Array,
  where: Where,
  bytesReady: (end: number) => Promise<void> = () => Promise.resolve(),
): Promise<Buffer> {
  const { count } = encryptedChunks(chunks.length, chunkSize, where);
  const fullChunk = chunkSize + STREAM_ABYTES;
  const image = Buffer.from(
    chunks.buffer,
    chunks.byteOffset,
    chunks.length - count * STREAM_ABYTES,
  );
  let out = 0;
  for (let i = 0; i < count; i++) {
    const chunk = chunks.subarray(i * fullChunk, (i + 1) * fullChunk);
    await bytesReady(i * fullChunk + chunk.length);
    let tag: number;
    try {
      tag = stream.pull(chunk, headerBytes, image, out);
    } catch (error) {
      if (!(error instanceof StreamAuthError)) throw error;
      throw new VaultError(
        'CORRUPT_VAULT',
        { ...where, reason: 'authentication' },
        { cause: error },
      );
    }
    out += chunk.length - STREAM_ABYTES;
    const last = i === count - 1;
    if (tag === TAG_FINAL && !last)
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'trailing-data' });
    if (tag === TAG_MESSAGE && last) throw new VaultError('TRUNCATED_VAULT', where);
    if (tag !== TAG_MESSAGE && tag !== TAG_FINAL)
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'stream-tag' });
  }
  return image;
}
