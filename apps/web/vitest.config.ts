import { defineConfig } from 'vitest/config';

/**
 * Unit tests of pure modules (mappers, auth, parsers, helpers): node environment, no DOM. Own config
 * rather than ../../vitest.shared so .tsx tests are included too (same timeouts and pool as the shared one).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
