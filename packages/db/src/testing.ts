/**
 * Test helpers: a fresh database per suite on each dialect. PostgreSQL comes from UW_TEST_PG_URL
 * (default: the local trust-auth cluster). When it cannot be reached the PostgreSQL leg is skipped with
 * a printed notice, except under CI=true where it must run.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import type { TDialect } from './config';
import { openDatabase, type TDatabase } from './database';

export type TTestOptions = { pgAdminUrl: string; requirePg: boolean };

const DEFAULT_PG = 'postgresql://postgres@127.0.0.1:5432/postgres';
let pgReachable: Promise<boolean> | undefined;

export function isPgReachable(adminUrl = DEFAULT_PG): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');

      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();

  return pgReachable;
}

/** The dialects a suite should run on here; logs why PostgreSQL is skipped. */
export async function testDialects(opts: TTestOptions): Promise<TDialect[]> {
  if (await isPgReachable(opts.pgAdminUrl)) {
    return ['sqlite', 'postgresql'];
  }
  if (opts.requirePg) {
    throw new Error(`PostgreSQL is required (CI=true) but not reachable at ${opts.pgAdminUrl}`);
  }
  process.stderr.write(`\nNOTICE: PostgreSQL not reachable at ${opts.pgAdminUrl}; the PostgreSQL leg is skipped.\n`);

  return ['sqlite'];
}

export type TScratch = { url: string; dialect: TDialect; drop(): Promise<void> };

/** Creates an empty database (a PostgreSQL database or a SQLite file) that `drop()` removes. */
export async function createScratchDatabase(dialect: TDialect, pgAdminUrl = DEFAULT_PG): Promise<TScratch> {
  const suffix = `${Date.now()}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), `uw-test-${suffix}.db`);
    const drop = async () => {
      for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
    };

    return { url: file, dialect, drop };
  }
  const name = `uw_test_${suffix}`;
  await adminQuery(pgAdminUrl, `create database ${name}`);

  return {
    url: pgAdminUrl.replace(/\/[^/]*$/, `/${name}`),
    dialect,
    drop: () => adminQuery(pgAdminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Opens a migrated scratch database; `close()` closes and drops it. */
export async function openTestDatabase(dialect: TDialect, pgAdminUrl = DEFAULT_PG): Promise<TDatabase & { url: string }> {
  const scratch = await createScratchDatabase(dialect, pgAdminUrl);
  const db = await openDatabase({ url: scratch.url, migrate: true });
  const close = async () => {
    await db.close();
    await scratch.drop();
  };

  return { ...db, url: scratch.url, close };
}
