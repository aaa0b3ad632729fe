import type { TDatabase } from '../database';
import { TABLE } from './tables';

const T = TABLE.rateWindow;

/**
 * Counts one call in `bucket`'s aligned `second`, atomically and only while the count is below `max`
 * (PostgreSQL: the shared limiter exists only there). False: that second is full.
 */
export async function takeRateWindowSlot(db: TDatabase, args: { bucket: string; second: number; max: number }): Promise<boolean> {
  const rows = await db.knex().raw(
    `insert into ${T} (bucket, second, count) values (?, ?, 1)
       on conflict (bucket, second) do update set count = ${T}.count + 1 where ${T}.count < ?
       returning count`,
    [args.bucket, args.second, args.max],
  );
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;

  return list.length > 0;
}

/** Deletes windows older than `beforeSecond`; returns how many. */
export function pruneRateWindows(db: TDatabase, beforeSecond: number): Promise<number> {
  return db.knex()(T).where('second', '<', beforeSecond).delete();
}
