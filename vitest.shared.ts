import { defineConfig } from 'vitest/config';

/** Shared by every workspace: real servers and databases make some tests slow, never flaky-fast. */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
