import { defineConfig } from 'vitest/config';

/**
 * The browser suite (`npm run test:e2e`): the built SPA served by the real server on a fresh SQLite database,
 * a simulated Clockify, and Debian's Chromium driven by playwright-core. One file at a time, tests in order
 * (the machine has 2 cores and each file shares one browser).
 */
export default defineConfig({
  test: {
    include: ['test-e2e/**/*.test.ts'],
    globalSetup: ['test-e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
