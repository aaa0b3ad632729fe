import type { TDatabase } from '../database';
import type { TSql } from './sql';

/**
 * The one lease every holder of a row uses (the execution queue, bootstrap runs, periodic job locks): a row
 * is held until a time column; it is free once that time has passed or was cleared; taking it is one
 * conditional UPDATE, so of several processes exactly one wins; extending or writing under it names what
 * the holder knows (its owner id or fencing token), so a holder whose lease was taken writes nothing.
 */
export type TLease = {
  table: string;
  /** The column holding the lease's end (epoch ms); null or a past time = free. */
  until: string;
  /** The column naming the holder. */
  owner: string;
};

type TWhere = Record<string, unknown>;

/** `until` is null or not after `now`: nobody holds the row. */
export const whereLeaseFree = (lease: TLease, now: number) => (q: ReturnType<TSql>) => {
  void q.whereNull(lease.until).orWhere(lease.until, '<=', now);
};

/**
 * Takes the row(s) `match` selects for `owner` until `now + leaseMs` when nobody holds them, writing `set`
 * too. Returns how many rows it took (0 = held by someone else, or no such row).
 */
export async function takeLease(
  db: TDatabase,
  lease: TLease,
  args: { match: TWhere; owner: string; leaseMs: number; now: number; set?: TWhere },
): Promise<number> {
  return db
    .knex()(lease.table)
    .where(args.match)
    .andWhere(whereLeaseFree(lease, args.now))
    .update({ ...args.set, [lease.owner]: args.owner, [lease.until]: args.now + args.leaseMs });
}

/**
 * Extends a lease this holder still has (`held`: its owner or fencing token and anything else that must still
 * match), writing `set` with it. Returns how many rows were extended (0 = the lease was lost).
 */
export async function extendLease(
  sql: TSql,
  lease: TLease,
  args: { held: TWhere; leaseMs: number; now: number; set?: TWhere },
): Promise<number> {
  return sql(lease.table)
    .where(args.held)
    .update({ ...args.set, [lease.until]: args.now + args.leaseMs });
}
