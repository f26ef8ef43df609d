import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** No chunk of the renderer may be larger: kB (1000 bytes) of minified code. */
const CHUNK_LIMIT_KB = 500;
/**
 * The one exception, with a limit of its own: the passphrase-strength dictionaries (zxcvbn,
 * ~1.6 MB of word lists). It is data, loaded only while a new passphrase is typed.
 */
const OVERSIZED_CHUNKS: Readonly<Record<string, number>> = {
  'renderer/src/lib/passphrase-strength.ts': 2000,
};

/**
 * Fails the build when a chunk outgrows its limit, naming it and what is biggest in it:
 * split it (a lazy import) rather than raise the limit. Vite's own report only warns.
 */
function chunkSizeLimit(): Plugin {
  return {
    name: 'confidant:chunk-size-limit',
    apply: 'build',
    generateBundle(_options, bundle) {
      const problems: string[] = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const facade = chunk.facadeModuleId?.replace(root, '') ?? '';
        const limit = OVERSIZED_CHUNKS[facade] ?? CHUNK_LIMIT_KB;
        const kb = Buffer.byteLength(chunk.code) / 1000;
        if (kb <= limit) continue;
        const biggest = Object.entries(chunk.modules)
          .sort(([, a], [, b]) => b.renderedLength - a.renderedLength)
          .slice(0, 5)
          .map(
            ([id, module]) =>
              `${id.replace(root, '')} (${Math.round(module.renderedLength / 1000)} kB)`,
          );
        problems.push(
          `${chunk.fileName} is ${kb.toFixed(0)} kB, over its limit of ${limit} kB; its biggest modules (unminified): ${biggest.join(', ')}`,
        );
      }
      if (problems.length > 0)
        this.error(`Renderer chunks over the size limit:\n${problems.join('\n')}`);
    },
  };
}

/**
 * One Vite config: the renderer build (out/renderer, served at app://confidant/) and the test
 * runner. The build emits no inline script or style and no data: URLs, so the app's
 * Content-Security-Policy can forbid them.
 */
export default defineConfig({
  root: `${root}renderer`,
  base: '/',
  plugins: [chunkSizeLimit()],
  build: {
    outDir: `${root}out/renderer`,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // One stylesheet for the whole app, as before the areas were split: the cascade does not
    // depend on which areas happen to have been opened, and no area shows unstyled at first.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'chrome140',
    // Each area is a chunk of its own, loaded when first shown (features/shell/AreaView.tsx);
    // chunkSizeLimit fails the build past this, with one named exception.
    chunkSizeWarningLimit: CHUNK_LIMIT_KB,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client" for server rendering; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // Vite's size report: chunkSizeLimit checks every chunk, and says which is over.
        if (warning.plugin === 'builtin:vite-reporter' && /larger than/.test(warning.message))
          return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              // lib/strict-csp.ts switches zod's eval probe off before any schema is built.
              // Chunks run before the entry that imports them, so "imported first in main.tsx"
              // no longer orders it before shared/'s schemas: it shares zod's chunk instead,
              // which every chunk with a schema imports.
              name: 'zod',
              test: /node_modules[\\/]zod[\\/]|renderer[\\/]src[\\/]lib[\\/]strict-csp\.ts$/,
            },
          ],
        },
      },
    },
  },
  test: {
    root,
    environment: 'node',
    // Forks, not threads: better-sqlite3 and the Argon2id worker behave as in the real process.
    pool: 'forks',
    // Vitest leaves one core free by default: on the 2-core machines that is one fork, and
    // the Node tests took 196 s instead of 110 s. They wait on disk and on Argon2id's worker
    // often enough that a fork per core is faster (the browser tests stay one at a time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/{unit,integration,electron}/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Each file drives its own Chromium; on a 2-core machine they run one at a time,
        // after the Node tests, so neither starves the other.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
