/**
 * Reading a vault folder's keyslot file, with the errors the user needs: a folder that is no
 * vault at all, a vault whose keys are missing, a keys entry that is not a file or is too large.
 */
import { headerChecksum } from '../crypto/container.ts';
import {
  MAX_KEYSLOT_FILE_BYTES,
  parseKeyslotFile,
  type KeyslotFile,
} from '../crypto/keyslot-file.ts';
import { fromReadError, isVaultError, VaultError } from '../errors.ts';
import type { FsPort } from './fs-port.ts';
import { databasePath, keysPath } from './layout.ts';

export async function readKeyslotFile(fs: FsPort, path: string): Promise<KeyslotFile> {
  const file = keysPath(path);
  const kind = await fs.kindOf(file).catch(() => null);
  if (kind === null) {
    // A folder with neither file is not a vault at all (Documents chosen by mistake).
    const hasDatabase = (await fs.kindOf(databasePath(path)).catch(() => null)) !== null;
    throw new VaultError(hasDatabase ? 'VAULT_KEYS_MISSING' : 'NOT_A_VAULT', {
      file: path,
      ...(hasDatabase ? {} : { reason: 'folder' }),
    });
  }
  if (kind !== 'file') throw new VaultError('VAULT_KEYS_DAMAGED', { file, reason: 'kind' });
  let bytes: Buffer;
  try {
    const handle = await fs.openForReading(file);
    try {
      if (handle.size > MAX_KEYSLOT_FILE_BYTES)
        throw new VaultError('VAULT_KEYS_DAMAGED', { file, reason: 'size' });
      bytes = Buffer.alloc(handle.size);
      let read = 0;
      while (read < bytes.length) {
        const n = await handle.read(bytes, read, bytes.length - read, read);
        if (n === 0) break;
        read += n;
      }
      bytes = bytes.subarray(0, read);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isVaultError(error)) throw error;
    throw fromReadError(error, file);
  }
  return parseKeyslotFile(bytes, file, await headerChecksum());
}
