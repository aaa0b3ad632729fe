import type { TDatabase } from '../database';
import { TABLE } from './tables';

export type TQueueGaugeCounts = { queued: number; oldestQueuedAt: number | null; bootstrapDone: number; bootstrapTotal: number };

/** All workspaces: queued executions and the oldest one's age, and the progress of running bootstraps. */
export async function readGaugeCounts(db: TDatabase): Promise<TQueueGaugeCounts> {
  const knex = db.knex();
  const [queue, bootstrap] = await Promise.all([
    knex(TABLE.execution).where('status', 'queued').first(knex.raw('count(*) as n'), knex.raw('min(created_at) as m')),
    knex(TABLE.bootstrapState).where('status', 'running').sum({ done: 'ops_done', total: 'ops_total' }).first(),
  ]);

  return {
    queued: Number(queue?.n ?? 0),
    oldestQueuedAt: queue?.m ? Number(queue.m) : null,
    bootstrapDone: Number(bootstrap?.done ?? 0),
    bootstrapTotal: Number(bootstrap?.total ?? 0),
  };
}
