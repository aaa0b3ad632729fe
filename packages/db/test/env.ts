/** Test-only settings (tests may read the environment; production code may not). */
export const TEST_PG_ADMIN_URL = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REQUIRE_PG = process.env.CI === 'true';
