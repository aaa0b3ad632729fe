import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';

import pg from 'pg';

/** What the numbers were measured on. */
export async function machineInfo(pgAdminUrl: string | null) {
  const list = cpus();
  let postgres: string | null = null;
  if (pgAdminUrl) {
    const client = new pg.Client({ connectionString: pgAdminUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ v: string; sc: string }>("select version() as v, current_setting('synchronous_commit') as sc");
      postgres = `${rows[0]!.v.split(' on ')[0]} (synchronous_commit=${rows[0]!.sc})`;
    } catch {
      postgres = null;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = null;
  }

  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    cpuMHz: list[0]?.speed ?? 0,
    memoryTotalMB: Math.round(totalmem() / 1_048_576),
    memoryFreeMB: Math.round(freemem() / 1_048_576),
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    kernel: release(),
    postgres,
    commit,
  };
}
