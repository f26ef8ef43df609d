/**
 * A small file replaced all or nothing (the keyslot file): write a temporary name owner-only,
 * flush it, rename it over the old one, flush the folder. A crash leaves the old or the new
 * file, never a mix; a failed write leaves the old one and no temporary file.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fromFsError } from '../errors.ts';
import type { FsPort } from './fs-port.ts';

export async function replaceFileAtomically(
  fs: FsPort,
  file: string,
  bytes: Uint8Array,
): Promise<void> {
  const folder = dirname(file);
  const temp = join(folder, `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await fs.createExclusive(temp);
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
    await fs.syncFolder(folder);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw fromFsError(error, { file });
  }
}

/** Leftover temporary names from an interrupted replace, removed at the next unlock. */
export async function removeStaleTemporaries(fs: FsPort, folder: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names) {
    if (name.startsWith('.') && name.includes('.tmp-'))
      await fs.unlink(join(folder, name)).catch(() => undefined);
  }
}
