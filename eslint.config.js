// One flat config for the whole monorepo. Package boundaries (docs/ARCHITECTURE.md) live here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noImports = (...patterns) => ({
  patterns: patterns.map((group) => ({ group: [group], message: 'crosses a package boundary (see docs/ARCHITECTURE.md)' })),
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', 'data/**', '**/migrations/**', 'test-artifacts/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules (STYLE.md): one program over every linted TypeScript file (tsconfig.eslint.json); type-checking
    // itself stays per package. A four-parameter callback that a library imposes is marked where it is defined.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/max-params': ['error', { max: 3 }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: true },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration in apps/server/src/env.ts only' },
      ],
    },
  },
  {
    files: ['packages/flow-engine/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', noImports('node:*', 'express', '@mikro-orm/*', '@uw/*')],
      'no-restricted-globals': ['error', 'process', 'fetch', 'Buffer'],
      'no-console': 'error',
    },
  },
  {
    files: ['packages/clockify/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noImports('@uw/*', 'express', '@mikro-orm/*')], 'no-console': 'error' },
  },
  {
    files: ['packages/db/src/entities/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noImports('@mikro-orm/postgresql', '@mikro-orm/better-sqlite', '@uw/api', '@uw/clockify')],
    },
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noImports('@uw/api', '@uw/clockify', 'express')], 'no-console': 'error' },
  },
  {
    files: ['packages/api/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', noImports('express', '@uw/server', '@uw/web', '@uw/simulator')], 'no-console': 'error' },
  },
  {
    // The published client: runtime imports are its npm dependencies only; the router arrives as a type.
    files: ['packages/client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@uw/*'], allowTypeImports: true, message: 'the client ships alone: import server packages as types only' }],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', noImports('@uw/api', '@uw/db', '@uw/clockify', '@uw/server', 'node:*')],
    },
  },
  {
    files: [
      'apps/server/src/env.ts',
      '**/*.test.ts',
      '**/test/**/*.ts',
      '**/test-faults/**/*.ts',
      '**/test-e2e/**/*.ts',
      '**/scripts/**/*.{ts,mts,mjs}',
      '**/bench/**/*.ts',
      'packages/db/src/testing.ts',
      'packages/simulator/src/**/*.ts',
      '*.config.{js,ts}',
      '**/vite.config.ts',
      'examples/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
