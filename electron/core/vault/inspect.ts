import { statSync } from 'node:fs';
import { headerChecksum, parseContainer, type Keyslot } from '../crypto/container.ts';
import { VaultError } from '../errors.ts';
import { readKeyslotFile } from './keys-file.ts';
import { databasePath } from './layout.ts';
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
  if ((await fs.kindOf(file).catch(() => null)) === 'folder') return inspectVaultFolder(file, fs);
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
    slots: slotInfo(header.slots),
    previousCopies: await existingGenerations(fs, file),
  };
}

/** Format 2: the keyslot file (read whole: it is small) and the database's size. */
async function inspectVaultFolder(folder: string, fs: FsPort): Promise<VaultFileInfo> {
  const parsed = await readKeyslotFile(fs, folder);
  let fileBytes: number;
  try {
    fileBytes = statSync(databasePath(folder)).size;
  } catch (error) {
    throw new VaultError('DATABASE_MISSING', { file: databasePath(folder) }, { cause: error });
  }
  return {
    file: folder,
    fileBytes,
    formatVersion: 2,
    chunkSize: 0,
    slots: slotInfo(parsed.slots),
    previousCopies: [],
  };
}

function slotInfo(slots: readonly Keyslot[]): SlotInfo[] {
  return slots.map((slot) =>
    slot.type === 'passphrase'
      ? { type: 'passphrase', opslimit: slot.kdf.opslimit, memlimit: slot.kdf.memlimit }
      : { type: 'recovery' },
  );
}
