/**
 * The version-1 backup writer, kept for tests only: Confidant wrote backups this way (one
 * secretstream over the metadata and the image) before backup container version 2, and must
 * still read them. Production code only reads this format (crypto/backup-container.ts).
 */
import {
  BACKUP_METADATA_MESSAGE_BYTES,
  encodeMetadata,
} from '../../electron/core/crypto/backup-container.ts';
import {
  encodeHeader,
  FILE_KIND_BACKUP,
  FORMAT_VERSION,
  headerChecksum,
  imageChunks,
  pushImage,
  type ContainerHeader,
} from '../../electron/core/crypto/container.ts';
import {
  createStreamEncryptor,
  STREAM_ABYTES,
  TAG_MESSAGE,
} from '../../electron/core/crypto/secretstream.ts';

type BackupHeader = Omit<ContainerHeader, 'streamHeader' | 'kind' | 'version'>;

/** A whole version-1 backup file: `metadata` (JSON-able) and `image`, sealed with `payloadKey`. */
export async function sealLegacyBackup(
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
    pushImage(
      stream,
      image,
      chunkSize,
      headerBytes,
      out,
      headerBytes.length + BACKUP_METADATA_MESSAGE_BYTES,
    );
    return out;
  } finally {
    block.fill(0);
    stream.dispose();
  }
}
