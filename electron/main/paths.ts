/**
 * Where the built pieces are, relative to the main bundle (out/main/index.js):
 *   out/main/kdf-worker.mjs   the Argon2id worker (self-contained; unpacked from asar,
 *                             since a worker thread is started from a real file)
 *   out/main/check-worker.mjs a backup copy's integrity check (unpacked likewise; the native
 *                             SQLite module beside it is unpacked whole, package.json included)
 *   out/main/migrations/      the .sql files
 *   out/preload/index.cjs     the preload (sandboxed preloads must be CommonJS)
 *   out/renderer/             the built React app
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BundlePaths {
  rendererRoot: string;
  preload: string;
  kdfWorker: URL;
  checkWorker: URL;
  migrations: URL;
}

export function bundlePaths(mainBundleUrl: string): BundlePaths {
  const here = dirname(fileURLToPath(mainBundleUrl));
  const unpacked = here.replace('app.asar', 'app.asar.unpacked');
  return {
    rendererRoot: join(here, '..', 'renderer'),
    preload: join(here, '..', 'preload', 'index.cjs'),
    kdfWorker: pathToFileURL(join(unpacked, 'kdf-worker.mjs')),
    checkWorker: pathToFileURL(join(unpacked, 'check-worker.mjs')),
    migrations: pathToFileURL(`${join(here, 'migrations')}/`),
  };
}
