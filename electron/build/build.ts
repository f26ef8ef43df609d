/**
 * `npm run build`: the renderer with Vite (vite.config.ts), and the Electron side with esbuild:
 *   out/main/index.js          main, ESM; electron and better-sqlite3-multiple-ciphers (native) stay external
 *   out/main/kdf-worker.mjs    the Argon2id worker, self-contained (libsodium bundled in)
 *   out/main/check-worker.mjs  a backup copy's integrity check; the native SQLite module external
 *   out/main/migrations/*.sql  copied as they are
 *   out/preload/index.cjs      the preload, CommonJS (required for sandboxed preloads)
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'out');

const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  legalComments: 'none',
  // Bundled CommonJS code may call require(); give ESM output a real one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

export async function buildAll(options: { renderer?: boolean } = {}): Promise<void> {
  rmSync(join(out, 'main'), { recursive: true, force: true });
  rmSync(join(out, 'preload'), { recursive: true, force: true });
  await Promise.all([
    esbuild({
      ...node,
      entryPoints: { index: join(root, 'electron/main/index.ts') },
      outdir: join(out, 'main'),
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
    }),
    esbuild({
      ...node,
      entryPoints: { 'kdf-worker': join(root, 'electron/core/crypto/kdf-worker.ts') },
      outdir: join(out, 'main'),
      outExtension: { '.js': '.mjs' },
    }),
    esbuild({
      ...node,
      entryPoints: {
        'check-worker': join(root, 'electron/core/services/backup/check-worker.ts'),
      },
      outdir: join(out, 'main'),
      outExtension: { '.js': '.mjs' },
      external: ['better-sqlite3-multiple-ciphers'],
    }),
    esbuild({
      bundle: true,
      platform: 'node',
      target: 'chrome140',
      format: 'cjs',
      logLevel: 'warning',
      entryPoints: { index: join(root, 'electron/preload/index.ts') },
      outdir: join(out, 'preload'),
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  ]);
  mkdirSync(join(out, 'main', 'migrations'), { recursive: true });
  cpSync(join(root, 'electron/core/db/migrations'), join(out, 'main', 'migrations'), {
    recursive: true,
  });
  if (options.renderer !== false)
    await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) await buildAll();
