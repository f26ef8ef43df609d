import { headerChecksum, parseContainer } from '../crypto/container.ts';
import { fromReadError } from '../errors.ts';
import { nodeFs, type FsPort } from './fs-port.ts';
import { existingGenerations } from './generations.ts';

export type SlotInfo =
  { type: 'passphrase'; opslimit: number; memlimit: number } | { type: 'recovery' };

/** What can be told about a vault file without its passphrase. Nothing here is secret. */
export interface VaultFileInfo {
  file: string;
  fileBytes: number;
  formatVersion: number;
  chunkSize: number;
  slots: SlotInfo[];
  previousCopies: string[];
}

export async function inspectVaultFile(file: string, fs: FsPort = nodeFs): Promise<VaultFileInfo> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw fromReadError(error, file);
  }
  const { header } = parseContainer(bytes, { file }, await headerChecksum());
  return {
    file,
    fileBytes: bytes.length,
    formatVersion: header.version,
    chunkSize: header.chunkSize,
    slots: header.slots.map((slot) =>
      slot.type === 'passphrase'
        ? { type: 'passphrase', opslimit: slot.kdf.opslimit, memlimit: slot.kdf.memlimit }
        : { type: 'recovery' },
    ),
    previousCopies: await existingGenerations(fs, file),
  };
}
