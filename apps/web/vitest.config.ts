import { defineConfig, mergeConfig } from 'vitest/config';

import shared from '../../vitest.shared';

/** Unit tests of pure modules (mappers, auth, parsers, helpers): node environment, no DOM. */
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      environment: 'node',
    },
  }),
);
