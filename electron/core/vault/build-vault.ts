/**
 * Makes a format-2 vault folder from key material and a database in any form — a new vault,
 * a format-1 image being upgraded, a backup being restored: `fill` writes the database file
 * (SQLCipher, with the key it is given), then the keyslot file follows. On any failure the
 * half-made folder is removed; a folder that already exists is never touched.
 */
import { headerChecksum } from '../crypto/container.ts';
import { encodeKeyslotFile, type KeyslotFile } from '../crypto/keyslot-file.ts';
import { deriveDatabaseKey } from '../crypto/keyslots.ts';
import { wipe } from '../crypto/sodium.ts';
import { fromFsError, VaultError } from '../errors.ts';
import { replaceFileAtomically } from './atomic-file.ts';
import { nodeFs, type FsPort } from './fs-port.ts';
import { databasePath, keysPath } from './layout.ts';

/** The material a vault is opened with, once a secret has given the master key. */
export interface OpenMaterial {
  masterKey: Buffer;
  keys: KeyslotFile;
}

export async function buildVaultFolder(
  path: string,
  material: OpenMaterial,
  fill: (databaseFile: string, dbKey: Buffer) => Promise<void> | void,
  options: { fs?: FsPort } = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const checksum = await headerChecksum();
  try {
    await fs.makeFolder(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new VaultError('FILE_EXISTS', { file: path }, { cause: error });
    throw fromFsError(error, { file: path });
  }
  const dbKey = await deriveDatabaseKey(material.masterKey);
  try {
    await fill(databasePath(path), dbKey);
    await replaceFileAtomically(fs, keysPath(path), encodeKeyslotFile(material.keys, checksum));
    await fs.syncFolder(path);
  } catch (error) {
    await fs.removeFolder(path).catch(() => undefined);
    throw fromFsError(error, { file: path });
  } finally {
    wipe(dbKey);
  }
}
