import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * One Vite config: the renderer build (out/renderer, served at app://confidant/) and the test
 * runner. The build emits no inline script or style and no data: URLs, so the app's
 * Content-Security-Policy can forbid them.
 */
export default defineConfig({
  root: `${root}renderer`,
  base: '/',
  build: {
    outDir: `${root}out/renderer`,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'chrome140',
    // The passphrase-strength dictionaries (~1.6 MB) are one chunk, loaded only when needed.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client" for server rendering; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
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
