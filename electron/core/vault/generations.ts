/**
 * The previous copies a format-1 vault kept beside itself (FILE.1, FILE.2 …, written by its
 * whole-file saves). Format 2 writes none; these names are only read: to open a previous copy
 * of a damaged format-1 file, and to say which copies exist.
 */
import type { FsPort } from './fs-port.ts';

export const DEFAULT_GENERATIONS = 2;

export function generationPath(file: string, generation: number): string {
  return generation === 0 ? file : `${file}.${generation}`;
}

/** The previous generations that exist, newest first. */
export async function existingGenerations(fs: FsPort, file: string, max = 9): Promise<string[]> {
  const found: string[] = [];
  for (let g = 1; g <= max; g++) {
    if (await fs.exists(generationPath(file, g))) found.push(generationPath(file, g));
  }
  return found;
}
