import type { TDatabase } from '../database';
import { numbered, runPrepared, type TPrepared } from './prepared';
import { TABLE } from './tables';

const T = TABLE.rateWindow;

/**
 * Leases up to `want` slots of `bucket`'s aligned `second` in one statement, never past `max` in total: the
 * answer is how many were granted (0: that second is full). Every SET expression reads the row as it was before
 * this update, so `granted` is exactly what this take added, even with takes racing from other processes.
 */
const TAKE = `with a as (select cast(? as int) as want, cast(? as int) as max)
     insert into ${T} as w (bucket, second, count, granted) select ?, ?, least(a.want, a.max), least(a.want, a.max) from a
       on conflict (bucket, second) do update
         set granted = least(excluded.granted, (select max from a) - w.count),
             count = w.count + least(excluded.granted, (select max from a) - w.count)
         where w.count < (select max from a)
       returning granted`;

/** PostgreSQL runs the take as a prepared statement (it is on every outbound call's path). */
const TAKE_PG: TPrepared = { name: 'uw_rate_take_v1', text: numbered(TAKE) };

export async function takeRateWindowBlock(db: TDatabase, args: { bucket: string; second: number; max: number; want: number }): Promise<number> {
  const values = [args.want, args.max, args.bucket, args.second];
  const list: { granted: number }[] =
    db.dialect === 'postgresql' ? await runPrepared(db, TAKE_PG, values) : await db.knex().raw(TAKE, values);

  return list.length > 0 ? Number(list[0]!.granted) : 0;
}

/** Deletes windows older than `beforeSecond`; returns how many. */
export function pruneRateWindows(db: TDatabase, beforeSecond: number): Promise<number> {
  return db.knex()(T).where('second', '<', beforeSecond).delete();
}
