import { readFileSync } from 'node:fs';

import pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system, ms) a process has used so far; 0 when it is gone. */
export function cpuMs(pid: number): number {
  const { user, system } = cpuSplit(pid);

  return user + system;
}

/** User and system CPU time (ms) of a process so far. */
export function cpuSplit(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

    return { user: Number(fields[11]) * TICK_MS, system: Number(fields[12]) * TICK_MS };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** The PostgreSQL backends serving one database (their pids), for CPU accounting. */
export async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );

    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Measures the CPU the given processes spend while `run` runs. */
export async function withCpu<T>(pids: () => Promise<number[]> | number[], run: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = new Map((await pids()).map((p) => [p, cpuMs(p)]));
  const result = await run();
  let used = 0;
  for (const pid of await pids()) used += cpuMs(pid) - (before.get(pid) ?? 0);

  return { result, cpuMs: used };
}

/** Transactions committed and rows inserted in one database so far (pg_stat_database; flushed within ~1 s). */
export async function dbCounters(adminUrl: string, database: string): Promise<{ commits: number; inserted: number }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ c: string; i: string }>(
      'select xact_commit as c, tup_inserted as i from pg_stat_database where datname = $1',
      [database],
    );

    return { commits: Number(rows[0]?.c ?? 0), inserted: Number(rows[0]?.i ?? 0) };
  } finally {
    await client.end();
  }
}
