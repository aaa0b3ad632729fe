import { defineConfig } from 'vitest/config';

/**
 * The fault suites (`npm run test:faults`): real server processes on scratch PostgreSQL databases, killed,
 * paused and cut off from their database. A separate project from `npm test`: slower, and they spawn
 * processes. One file at a time (the machine has 2 cores), each test bounded well under a minute.
 */
export default defineConfig({
  test: {
    include: ['test-faults/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
