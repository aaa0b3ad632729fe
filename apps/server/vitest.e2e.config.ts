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
    // The UI is waited for, never slept on: every expect.poll retries for up to 15 s (vitest's default is 1 s).
    expect: { poll: { timeout: 15_000, interval: 100 } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
