/**
 * Backup files (docs/vault-format.md §14). Two container versions are read; version 2 is written.
 *
 * Version 2 (written since format 2 vaults): the database file travels as it is — its pages are
 * already encrypted and authenticated by SQLCipher — and one keyed BLAKE2b MAC over the whole
 * file binds the pages together with the header and the metadata, so nothing is encrypted
 * twice and the file can be written, read back and restored in one streaming pass each:
 *
 *   header (version 2, kind 2, keyslots) | metadata message: 4096 + 17, TAG_FINAL
 *     | the database file, imageBytes long | MAC: BLAKE2b-256 keyed, over everything before it
 *
 * Version 1 (earlier backups): one secretstream over the metadata and then the image, in
 * chunks; read whole, as before (`openBackupPayload`).
 *
 * The metadata is sealed with the payload key ("CfdBckup", subkey 1); the MAC key is subkey 2
 * of the same context. Both come from the vault's master key.
 */
import { VaultError } from '../errors.ts';
import {
  encodeHeader,
  encryptedChunks,
  FILE_KIND_BACKUP,
  headerChecksum,
  pullImage,
  type ContainerHeader,
  type ParsedContainer,
} from './container.ts';
import {
  createStreamDecryptor,
  createStreamEncryptor,
  STREAM_ABYTES,
  StreamAuthError,
  TAG_FINAL,
  TAG_MESSAGE,
} from './secretstream.ts';
import { loadSodium, wipe } from './sodium.ts';

/** The newest backup container version: this code writes it and reads it and version 1. */
export const BACKUP_CONTAINER_VERSION = 2;

/** The metadata message is always this long (JSON padded with spaces): its size tells nothing. */
export const BACKUP_METADATA_BYTES = 4096;

/** The metadata message as stored: the block, the secretstream tag and its MAC. */
export const BACKUP_METADATA_MESSAGE_BYTES = BACKUP_METADATA_BYTES + STREAM_ABYTES;

/** The whole-file MAC at the end of a version-2 backup. */
export const BACKUP_MAC_BYTES = 32;

type Where = { file: string };
type BackupHeader = Omit<ContainerHeader, 'streamHeader' | 'kind' | 'version'>;

/** The size of a version-2 backup whose header is `headerLength` long and whose database is `imageBytes`. */
export function backupFileSize(headerLength: number, imageBytes: number): number {
  return headerLength + BACKUP_METADATA_MESSAGE_BYTES + imageBytes + BACKUP_MAC_BYTES;
}

/**
 * The first bytes of a version-2 backup: its header and the sealed metadata message. The
 * database file and the MAC follow; the caller streams them (`createBackupMac`).
 */
export async function sealBackupStart(
  header: BackupHeader,
  payloadKey: Uint8Array,
  metadata: unknown,
): Promise<Buffer> {
  const block = encodeMetadata(metadata);
  const checksum = await headerChecksum();
  const stream = await createStreamEncryptor(payloadKey);
  try {
    const headerBytes = encodeHeader(
      {
        ...header,
        version: BACKUP_CONTAINER_VERSION,
        kind: FILE_KIND_BACKUP,
        streamHeader: stream.header,
      },
      checksum,
    );
    const out = Buffer.alloc(headerBytes.length + BACKUP_METADATA_MESSAGE_BYTES);
    out.set(headerBytes, 0);
    // The stream holds this one message: TAG_FINAL says so, and a reader wants nothing more.
    stream.push(block, headerBytes, TAG_FINAL, out, headerBytes.length);
    return out;
  } finally {
    wipe(block);
    stream.dispose();
  }
}

/** Decrypts a version-2 backup's metadata message; damage is CORRUPT_VAULT, as the vault reader says it. */
export async function openBackupMetadata(
  parsed: ParsedContainer,
  message: Uint8Array,
  payloadKey: Uint8Array,
  where: Where,
): Promise<unknown> {
  if (message.length < BACKUP_METADATA_MESSAGE_BYTES)
    throw new VaultError('TRUNCATED_VAULT', where);
  const block = Buffer.alloc(BACKUP_METADATA_BYTES);
  const stream = await createStreamDecryptor(payloadKey, parsed.header.streamHeader);
  try {
    let tag: number;
    try {
      tag = stream.pull(message, parsed.headerBytes, block, 0);
    } catch (error) {
      if (!(error instanceof StreamAuthError)) throw error;
      throw new VaultError(
        'CORRUPT_VAULT',
        { ...where, reason: 'authentication' },
        { cause: error },
      );
    }
    if (tag !== TAG_FINAL)
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'stream-tag' });
    return decodeMetadata(block, where);
  } finally {
    wipe(block);
    stream.dispose();
  }
}

/** A keyed BLAKE2b-256 over a whole backup file, fed as the bytes go by. */
export interface BackupMac {
  update(bytes: Uint8Array): void;
  /** The MAC; the state is wiped. Call once (or `dispose` to drop it). */
  finish(): Buffer;
  dispose(): void;
}

export async function createBackupMac(macKey: Uint8Array): Promise<BackupMac> {
  const sodium = await loadSodium();
  let state: ReturnType<typeof sodium.crypto_generichash_init> | null =
    sodium.crypto_generichash_init(macKey, BACKUP_MAC_BYTES);
  const finish = (): Buffer => {
    if (state === null) throw new Error('backup MAC already finished');
    // libsodium's final wipes the BLAKE2b state, and libsodium.js frees it.
    const mac = sodium.crypto_generichash_final(state, BACKUP_MAC_BYTES);
    state = null;
    return Buffer.from(mac);
  };
  return {
    update(bytes) {
      if (state === null) throw new Error('backup MAC already finished');
      sodium.crypto_generichash_update(state, bytes);
    },
    finish,
    dispose() {
      if (state !== null) wipe(finish());
    },
  };
}

/** Constant-time comparison of two MACs. */
export async function macsEqual(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const sodium = await loadSodium();
  return a.length === b.length && sodium.memcmp(a, b);
}

// ---------------------------------------------------------------------------------------------
// Version 1: read only

/**
 * Decrypts a version-1 backup's payload (metadata, then the image in chunks). The image is
 * decrypted **in place** and returned as a view into the file buffer, which the caller wipes
 * after use; on failure the buffer is zeroed. The metadata is returned as parsed JSON, not yet
 * checked. Damage is reported with the vault reader's codes (CORRUPT_VAULT, TRUNCATED_VAULT);
 * the backup reader says them of a backup.
 */
export async function openBackupPayload(
  parsed: ParsedContainer,
  payloadKey: Uint8Array,
  where: Where,
): Promise<{ metadata: unknown; image: Buffer }> {
  const { payload, headerBytes } = parsed;
  const { chunkSize } = parsed.header;
  const chunks = payload.subarray(BACKUP_METADATA_MESSAGE_BYTES);
  if (payload.length < BACKUP_METADATA_MESSAGE_BYTES)
    throw new VaultError('TRUNCATED_VAULT', where);
  // Refuses a payload that cannot be whole chunks (cut short, or bytes appended) up front.
  encryptedChunks(chunks.length, chunkSize, where);
  const block = Buffer.alloc(BACKUP_METADATA_BYTES);
  const stream = await createStreamDecryptor(payloadKey, parsed.header.streamHeader);
  try {
    let first: number;
    try {
      first = stream.pull(
        payload.subarray(0, BACKUP_METADATA_MESSAGE_BYTES),
        headerBytes,
        block,
        0,
      );
    } catch (error) {
      if (!(error instanceof StreamAuthError)) throw error;
      throw new VaultError(
        'CORRUPT_VAULT',
        { ...where, reason: 'authentication' },
        { cause: error },
      );
    }
    if (first === TAG_FINAL) throw new VaultError('TRUNCATED_VAULT', where);
    if (first !== TAG_MESSAGE)
      throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'stream-tag' });
    const metadata = decodeMetadata(block, where);
    // The metadata says how long the image is, so a cut file is told from an altered one.
    const expected = expectedChunksLength(metadata, chunkSize);
    if (expected !== null && chunks.length < expected)
      throw new VaultError('TRUNCATED_VAULT', where);
    const image = await pullImage(stream, chunks, chunkSize, headerBytes, where);
    return { metadata, image };
  } catch (error) {
    wipe(payload);
    throw error;
  } finally {
    wipe(block);
    stream.dispose();
  }
}

function expectedChunksLength(metadata: unknown, chunkSize: number): number | null {
  const imageBytes = (metadata as { imageBytes?: unknown } | null)?.imageBytes;
  if (typeof imageBytes !== 'number' || !Number.isSafeInteger(imageBytes) || imageBytes < 0)
    return null;
  return imageBytes + Math.max(1, Math.ceil(imageBytes / chunkSize)) * STREAM_ABYTES;
}

/** Pads the metadata's JSON to the fixed block (exported for tests that write old backups). */
export function encodeMetadata(metadata: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8');
  if (json.length > BACKUP_METADATA_BYTES) throw new RangeError('backup metadata too large');
  const block = Buffer.alloc(BACKUP_METADATA_BYTES, 0x20);
  block.set(json, 0);
  return block;
}

function decodeMetadata(block: Buffer, where: Where): unknown {
  try {
    return JSON.parse(block.toString('utf8')) as unknown;
  } catch (error) {
    // Authenticated yet unreadable: only a bug or someone holding the key could make it.
    throw new VaultError('CORRUPT_VAULT', { ...where, reason: 'metadata' }, { cause: error });
  }
}
