import pg from 'pg';

import { createScratchDatabase, isPgReachable, type TScratch } from '@uw/db/testing';

import { PG_ADMIN_URL, REQUIRE_PG } from './paths';

/**
 * Whether the PostgreSQL fault suites can run here. Unreachable → a printed notice and the suite is
 * skipped, except under CI=true, where it is an error (the same rule as `testDialects`).
 */
export async function postgresAvailable(suite: string): Promise<boolean> {
  if (await isPgReachable(PG_ADMIN_URL)) return true;
  if (REQUIRE_PG) throw new Error(`PostgreSQL is required (CI=true) but not reachable at ${PG_ADMIN_URL}`);
  process.stderr.write(`\nNOTICE: PostgreSQL not reachable at ${PG_ADMIN_URL}; the fault suite "${suite}" is skipped.\n`);

  return false;
}

/** A fresh scratch database; `drop()` removes it (with force, so leftover connections don't block it). */
export const scratchPostgres = (): Promise<TScratch> => createScratchDatabase('postgresql', PG_ADMIN_URL);

/** A small direct client for assertions (not through any proxy the test puts in the server's way). */
export function sqlClient(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });

  return {
    async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await pool.query(sql, params)).rows as T[];
    },
    close: () => pool.end(),
  };
}
export type TSqlClient = ReturnType<typeof sqlClient>;
