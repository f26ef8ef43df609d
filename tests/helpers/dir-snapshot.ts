import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `root` with its size, content hash and mtime: compare two to prove "nothing changed". */
export function snapshotDir(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
        out[relative(root, path)] = `${stat.size} ${hash} ${stat.mtimeMs}`;
      }
    }
  };
  walk(root);
  return out;
}

/** Paths of every file under `root`. */
export function listFiles(root: string): string[] {
  return Object.keys(snapshotDir(root)).map((path) => join(root, path));
}
