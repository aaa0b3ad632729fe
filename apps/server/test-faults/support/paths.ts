import { resolve } from 'node:path';

/** Where things are, and which PostgreSQL the fault suites and the benchmark use. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
/** The server as it ships: `npm run build` compiles it here and `npm start` runs it. */
export const COMPILED_MAIN = resolve(REPO_ROOT, 'apps/server/dist/main.js');
/**
 * The server entry: the compiled one (built once per test process), or `UW_BENCH_SERVER_ENTRY`, which points the
 * benchmark at a patched copy (`.ts` files run through tsx) to measure a proposed change.
 */
export const SERVER_MAIN = process.env.UW_BENCH_SERVER_ENTRY ?? COMPILED_MAIN;
export const PG_ADMIN_URL = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REQUIRE_PG = process.env.CI === 'true';
/** Fixed test key for secrets at rest (64 hex chars). */
export const TEST_ENCRYPTION_KEY = '11'.repeat(32);
