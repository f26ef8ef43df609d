import sodium from 'libsodium-wrappers-sumo';

/**
 * Edits header bytes and re-seals the header checksum, as a newer (or malicious) writer would:
 * the change then reaches the checks behind the checksum.
 */
export async function editHeader(file: Uint8Array, edit: (bytes: Buffer) => void): Promise<Buffer> {
  await sodium.ready;
  const bytes = Buffer.from(file);
  edit(bytes);
  const headerLength = bytes.readUInt32LE(10);
  bytes.set(
    sodium.crypto_generichash(32, bytes.subarray(0, headerLength - 32), null),
    headerLength - 32,
  );
  return bytes;
}

export function headerLengthOf(file: Uint8Array): number {
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength).readUInt32LE(10);
}
