/**
 * Backup files (docs/vault-format.md §14): a vault container of kind 2 whose payload stream
 * starts with one fixed-size metadata message (creation date, app version, row counts — all
 * inside the encryption) and continues with the database image, chunked as in a vault.
 *
 *   header (kind 2, the vault's keyslots) | metadata: 4096 + 17 | image chunk… (C + 17, last shorter)
 *
 * The payload key is derived from the vault's master key under its own context ("CfdBckup"),
 * so a backup's stream and the vault's never share a key.
 */
import { VaultError } from '../errors.ts';
import {
  encodeHeader,
  encryptedChunks,
  FILE_KIND_BACKUP,
  FORMAT_VERSION,
  headerChecksum,
  imageChunks,
  pullImage,
  pushImage,
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
import { wipe } from './sodium.ts';

/** The metadata message is always this long (JSON padded with spaces): its size tells nothing. */
export const BACKUP_METADATA_BYTES = 4096;

const METADATA_CHUNK = BACKUP_METADATA_BYTES + STREAM_ABYTES;

type Where = { file: string };
type BackupHeader = Omit<ContainerHeader, 'streamHeader' | 'kind' | 'version'>;

/** Encrypts `metadata` (JSON-able) and `image` into a whole backup file. */
export async function sealBackup(
  header: BackupHeader,
  payloadKey: Uint8Array,
  metadata: unknown,
  image: Uint8Array,
): Promise<Buffer> {
  const block = encodeMetadata(metadata);
  const checksum = await headerChecksum();
  const { chunkSize } = header;
  const chunks = imageChunks(image.length, chunkSize);
  const stream = await createStreamEncryptor(payloadKey);
  try {
    const headerBytes = encodeHeader(
      { ...header, version: FORMAT_VERSION, kind: FILE_KIND_BACKUP, streamHeader: stream.header },
      checksum,
    );
    const size =
      headerBytes.length + block.length + image.length + (chunks.count + 1) * STREAM_ABYTES;
    const out = Buffer.allocUnsafe(size);
    out.set(headerBytes, 0);
    stream.push(block, headerBytes, TAG_MESSAGE, out, headerBytes.length);
    pushImage(stream, image, chunkSize, headerBytes, out, headerBytes.length + METADATA_CHUNK);
    return out;
  } finally {
    wipe(block);
    stream.dispose();
  }
}

/**
 * Decrypts a backup's payload. The image is decrypted **in place** (as a vault's is) and
 * returned as a view into the file buffer, which the caller wipes after use; on failure the
 * buffer is zeroed. The metadata is returned as parsed JSON, not yet checked. Damage is
 * reported with the vault reader's codes (CORRUPT_VAULT, TRUNCATED_VAULT); the backup reader
 * says them of a backup.
 */
export async function openBackupPayload(
  parsed: ParsedContainer,
  payloadKey: Uint8Array,
  where: Where,
): Promise<{ metadata: unknown; image: Buffer }> {
  const { payload, headerBytes } = parsed;
  const { chunkSize } = parsed.header;
  const chunks = payload.subarray(METADATA_CHUNK);
  if (payload.length < METADATA_CHUNK) throw new VaultError('TRUNCATED_VAULT', where);
  // Refuses a payload that cannot be whole chunks (cut short, or bytes appended) up front.
  encryptedChunks(chunks.length, chunkSize, where);
  const block = Buffer.alloc(BACKUP_METADATA_BYTES);
  const stream = await createStreamDecryptor(payloadKey, parsed.header.streamHeader);
  try {
    let first: number;
    try {
      first = stream.pull(payload.subarray(0, METADATA_CHUNK), headerBytes, block, 0);
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

function encodeMetadata(metadata: unknown): Buffer {
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
