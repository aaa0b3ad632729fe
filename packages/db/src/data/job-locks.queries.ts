import type { TDatabase } from '../database';
import { takeLease, type TLease } from './leases';
import { TABLE } from './tables';

const JOB_LEASE: TLease = { table: TABLE.jobLock, until: 'locked_until', owner: 'owner' };

export type TJobLockArgs = { name: string; owner: string; periodMs: number; now?: number };

/**
 * Takes job `name` for one period: succeeds only by moving the row's `locked_until` forward from a time
 * already past. The update is atomic, so of several processes exactly one wins each period.
 */
export async function tryAcquireJobLock(db: TDatabase, args: TJobLockArgs): Promise<boolean> {
  const { name, owner, periodMs, now = Date.now() } = args;
  const knex = db.knex();
  await knex(TABLE.jobLock).insert({ name, owner: null, locked_until: 0, last_run_at: null }).onConflict('name').ignore();
  const n = await takeLease(db, JOB_LEASE, { match: { name }, owner, leaseMs: periodMs, now, set: { last_run_at: now } });

  return n === 1;
}
