/**
 * Durable, atomic replacement of a vault file, keeping previous generations:
 *
 *   1. write FILE.tmp-<random> (owner-only), fsync it, close it
 *   2. FILE.(k-1) → FILE.k, …, FILE.1 → FILE.2        (oldest generation drops off)
 *   3. hard-link FILE → FILE.1  (or rename, where the file system has no hard links)
 *   4. rename FILE.tmp-<random> → FILE                  (atomic replace)
 *   5. fsync the folder                                 (the renames are on disk)
 *
 * A crash at any point leaves FILE holding the old or the new content, except between 3 and 4
 * on file systems without hard links (FAT on USB sticks): then FILE is missing and FILE.1
 * holds the last saved state, which `readNewestGeneration` opens.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fromFsError } from '../errors.ts';
import type { FsPort } from './fs-port.ts';

export const DEFAULT_GENERATIONS = 2;

export function generationPath(file: string, generation: number): string {
  return generation === 0 ? file : `${file}.${generation}`;
}

function tempPrefix(file: string): string {
  return `${basename(file)}.tmp-`;
}

export async function writeFileWithGenerations(
  fs: FsPort,
  file: string,
  bytes: Uint8Array,
  generations: number = DEFAULT_GENERATIONS,
): Promise<void> {
  const folder = dirname(file);
  const temp = join(folder, `${tempPrefix(file)}${randomBytes(6).toString('hex')}`);
  const details = { file };
  try {
    const handle = await fs.createExclusive(temp);
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw fromFsError(error, details);
  }
  try {
    if (await fs.exists(file)) {
      for (let g = generations - 1; g >= 1; g--) {
        if (await fs.exists(generationPath(file, g))) {
          await fs.rename(generationPath(file, g), generationPath(file, g + 1));
        }
      }
      await keepAsFirstGeneration(fs, file);
    }
    await fs.rename(temp, file);
    await fs.syncFolder(folder);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw fromFsError(error, details);
  }
}

async function keepAsFirstGeneration(fs: FsPort, file: string): Promise<void> {
  const first = generationPath(file, 1);
  try {
    await fs.link(file, first);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await fs.unlink(first);
      await fs.link(file, first);
    } else if (
      code === 'EPERM' ||
      code === 'ENOTSUP' ||
      code === 'EOPNOTSUPP' ||
      code === 'EXDEV' ||
      code === 'ENOSYS'
    ) {
      await fs.rename(file, first);
    } else {
      throw error;
    }
  }
}

/** Deletes the temp files a crashed save left behind next to `file`. */
export async function removeStaleTempFiles(fs: FsPort, file: string): Promise<number> {
  const folder = dirname(file);
  const prefix = tempPrefix(file);
  const stale = (await fs.readdir(folder)).filter((name) => name.startsWith(prefix));
  for (const name of stale) await fs.unlink(join(folder, name)).catch(() => undefined);
  return stale.length;
}

/** The previous generations that exist, newest first. */
export async function existingGenerations(fs: FsPort, file: string, max = 9): Promise<string[]> {
  const found: string[] = [];
  for (let g = 1; g <= max; g++) {
    if (await fs.exists(generationPath(file, g))) found.push(generationPath(file, g));
  }
  return found;
}
