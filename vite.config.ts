import { defineConfig } from 'vitest/config';

// One Vite config: the renderer build joins it with the shell issue; for now it carries the
// test runner's settings.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Forks, not threads: better-sqlite3 and the Argon2id worker behave as in the real process.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
