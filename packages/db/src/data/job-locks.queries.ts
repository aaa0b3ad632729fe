import type { TDatabase } from '../database';
import { TABLE } from './tables';

export type TJobLockArgs = { name: string; owner: string; periodMs: number; now?: number };

/**
 * Takes job `name` for one period: succeeds only by moving the row's `locked_until` forward from a time
 * already past. The update is atomic, so of several processes exactly one wins each period.
 */
export async function tryAcquireJobLock(db: TDatabase, args: TJobLockArgs): Promise<boolean> {
  const { name, owner, periodMs, now = Date.now() } = args;
  const knex = db.knex();
  await knex(TABLE.jobLock).insert({ name, owner: null, locked_until: 0, last_run_at: null }).onConflict('name').ignore();
  const n = await knex(TABLE.jobLock)
    .where('name', name)
    .andWhere('locked_until', '<=', now)
    .update({ owner, locked_until: now + periodMs, last_run_at: now });

  return n === 1;
}
