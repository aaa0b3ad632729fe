import type { TDatabase } from '../database';
import type { TStepRow } from './rows';
import type { TClaimed, TFinishRow, THeldLease } from './queue-types';
import { applyFlowLimits, pickCandidates, RUNNABLE } from './flow-limits';
import { extendLease, type TLease } from './leases';
import { claimGroupSqlite, finishGroupSqlite } from './queue-sqlite.queries';
import { checkpointPg, claimGroupPg, finishGroupPg, renewGroupPg, type TClaimRow } from './queue-pg.queries';
import { TABLE } from './tables';

export type { TClaimed, TClaimedLog, TFinish, TFinishRow, THeldLease } from './queue-types';

const EXECUTION_LEASE: TLease = { table: TABLE.execution, until: 'lease_until', owner: 'lease_owner' };

/**
 * The execution queue's leases: a claim takes a row for `leaseMs` and bumps its fencing token
 * (`lease_token`); every later write by that worker names the token, so a worker whose lease was taken
 * over writes nothing. (Job locks and bootstrap runs take and extend theirs with the same `leases.ts`.)
 */

export type TClaimArgs = { owner: string; limit: number; leaseMs: number; perWorkspace: number };

/**
 * Claims up to `limit` runnable executions for `owner`: queued ones whose time has come, waiting ones whose
 * resume time has come, and running ones
 * whose lease expired (their worker died). Candidates are taken round-robin across workspaces (the first
 * of every workspace, then the second…), so one workspace's burst cannot starve the others. On PostgreSQL
 * the claim locks with SKIP LOCKED, so concurrent workers never take the same row; every claim bumps the
 * fencing token, so a stale worker's late writes are refused. A flow's own limits (`flow-limits.ts`) leave
 * its excess executions queued.
 */
export async function claimExecutions(db: TDatabase, args: TClaimArgs): Promise<TClaimed[]> {
  const { owner, limit, leaseMs, perWorkspace } = args;
  const now = Date.now();
  if (db.dialect === 'postgresql') {
    // One statement for the common case; flows with limits of their own go through the counting claim.
    const { rows, limitedIds } = await claimGroupPg(db, { owner, limit, leaseMs, perWorkspace, now });
    const claimed = rows.map(claimedOf);
    const room = limit - claimed.length;
    if (limitedIds.length === 0 || room <= 0) return claimed;
    const ids = limitedIds.slice(0, room);

    return [...claimed, ...(await claimLocked(db, { ids, limited: true, owner, leaseMs, now }))];
  }
  // SQLite: one synchronous transaction, unless flows with limits are among the candidates.
  const claimed = await claimGroupSqlite(db, { owner, limit, leaseMs, perWorkspace, now });
  if (claimed) return claimed;
  const picked = await pickCandidates(db, { now, limit, perWorkspace });
  if (picked.length === 0) return [];
  const ids = picked.map((p) => p.id);

  return claimLocked(db, { ids, limited: picked.some((p) => p.limited), owner, leaseMs, now });
}

const claimedOf = (r: TClaimRow): TClaimed => ({
  id: r.id!,
  workspace_id: r.workspace_id,
  flow_id: r.flow_id,
  flow_version_id: r.flow_version_id,
  log_id: r.log_id,
  lease_token: r.lease_token,
  attempts: r.attempts,
  lease_owner: r.lease_owner,
  started_at: r.started_at,
  retry_of: r.retry_of,
  cancel_requested_at: r.cancel_requested_at,
  reclaimed: r.was === 'running',
  resumed: r.was === 'waiting',
  log:
    r.log_id && r.log_event_type !== null
      ? {
          event_type: r.log_event_type,
          source: r.log_source ?? '',
          received_at: r.log_received_at ?? 0,
          payload: r.log_payload,
          headers: r.log_headers ?? '{}',
        }
      : undefined,
});

/**
 * Locks the candidates `ids` that are still runnable and leases them, in one transaction. `limited`: flows
 * with limits of their own are among them, so their room is counted again under lock (`applyFlowLimits`).
 */
async function claimLocked(
  db: TDatabase,
  args: { ids: string[]; limited: boolean; owner: string; leaseMs: number; now: number },
): Promise<TClaimed[]> {
  const { ids, limited, owner, leaseMs, now } = args;
  const knex = db.knex();

  return knex.transaction(async (trx) => {
    const lockable = trx(TABLE.execution)
      .select('id', 'status', 'flow_id', 'run_after')
      .whereIn('id', ids)
      .andWhereRaw(RUNNABLE, [now, now]);
    if (db.dialect === 'postgresql') lockable.forUpdate().skipLocked();
    const runnable: { id: string; status: string; flow_id: string; run_after: number }[] = await lockable;
    if (runnable.length === 0) return [];
    // Only when a flow with limits is among them: the common case pays nothing for the feature.
    const locked = limited ? await applyFlowLimits(trx, { dialect: db.dialect, locked: runnable, now }) : runnable;
    if (locked.length === 0) return [];
    const expired = new Set(locked.filter((l) => l.status === 'running').map((l) => l.id));
    const waited = new Set(locked.filter((l) => l.status === 'waiting').map((l) => l.id));
    const rows: Omit<TClaimed, 'reclaimed' | 'resumed'>[] = await trx(TABLE.execution)
      .whereIn(
        'id',
        locked.map((l) => l.id),
      )
      .update({
        status: 'running',
        lease_owner: owner,
        lease_until: now + leaseMs,
        lease_token: trx.raw('lease_token + 1'),
        attempts: trx.raw('attempts + 1'),
        started_at: trx.raw('coalesce(started_at, ?)', [now]),
      })
      .returning([
        'id',
        'workspace_id',
        'flow_id',
        'flow_version_id',
        'log_id',
        'lease_token',
        'attempts',
        'lease_owner',
        'started_at',
        'retry_of',
        'cancel_requested_at',
      ]);

    return rows.map((r) => ({ ...r, reclaimed: expired.has(r.id), resumed: waited.has(r.id) }));
  });
}

/** Extends the leases this worker still holds (by fencing token); returns the ids whose lease was lost. */
export async function renewExecutionLeases(
  db: TDatabase,
  args: { held: { id: string; lease_token: number }[]; leaseMs: number },
): Promise<Set<string>> {
  const now = Date.now();
  if (args.held.length === 0) return new Set();
  if (db.dialect === 'postgresql') return renewGroupPg(db, { held: args.held, leaseMs: args.leaseMs, now });
  const lost = new Set<string>();
  for (const h of args.held) {
    const held = { id: h.id, lease_token: h.lease_token, status: 'running' };
    const n = await extendLease(db.knex(), EXECUTION_LEASE, { held, leaseMs: args.leaseMs, now });
    if (n === 0) lost.add(h.id);
  }

  return lost;
}

/**
 * Ends (or reschedules) several executions in one transaction (one commit for all): each outcome is fenced
 * on its own (a refused one writes nothing of its own), the steps of the accepted ones go in one insert,
 * and each flow's last run is updated once, to its latest outcome. Returns, per item, whether it was accepted.
 */
export async function finishExecutions(db: TDatabase, items: TFinishRow[]): Promise<boolean[]> {
  const now = Date.now();
  if (db.dialect === 'postgresql') return finishWithOneStatement(db, items, now);

  return finishGroupSqlite(db, { items, now });
}

/** `finishExecutions` on PostgreSQL: the whole group in one statement (`finishGroupPg`). */
async function finishWithOneStatement(db: TDatabase, items: TFinishRow[], now: number): Promise<boolean[]> {
  const rows = items.map(({ held, outcome }) => ({
    id: held.id,
    lease_token: held.lease_token,
    status: outcome.status,
    error: outcome.error === undefined ? null : JSON.stringify(outcome.error),
    run_after: outcome.runAfter ?? now,
    refund: outcome.refund === true,
  }));
  const steps = items.flatMap((i) => (i.steps ?? []).map((row) => ({ row, token: i.held.lease_token })));
  const accepted = await finishGroupPg(db, { items: rows, steps, now });

  return items.map((i) => accepted.has(`${i.held.id}:${i.held.lease_token}`));
}

/** Rolls the append's transaction back; never leaves this module. */
class FenceRefused extends Error {}

/**
 * Commits journal rows in one transaction, only while this worker still holds the lease (the fencing
 * token matches). `lost`: the lease was lost and nothing was written. `cancel`: written, and someone asked
 * to cancel the execution: the run stops here. Runs even with no rows: it is the run's step boundary check.
 */
export async function checkpointUnderLease(db: TDatabase, held: THeldLease, rows: TStepRow[]): Promise<'ok' | 'lost' | 'cancel'> {
  if (db.dialect === 'postgresql') return checkpointPg(db, { held, rows });
  if (rows.length === 0) {
    // Nothing to write: one read answers (no transaction, no row lock), before every request a run sends.
    const row: { cancel_requested_at: unknown } | undefined = await db
      .knex()(TABLE.execution)
      .where({ id: held.id, lease_token: held.lease_token, status: 'running' })
      .first('cancel_requested_at');
    if (!row) return 'lost';

    return row.cancel_requested_at === null ? 'ok' : 'cancel';
  }
  try {
    return await db.knex().transaction(async (trx) => {
      const fenced: { cancel_requested_at: unknown }[] = await trx(TABLE.execution)
        .where({ id: held.id, lease_token: held.lease_token, status: 'running' })
        .update({ lease_token: held.lease_token })
        .returning(['cancel_requested_at']);
      if (fenced.length !== 1) throw new FenceRefused();
      if (rows.length > 0) await trx(TABLE.step).insert(rows);

      return fenced[0]!.cancel_requested_at === null ? 'ok' : 'cancel';
    });
  } catch (err) {
    if (err instanceof FenceRefused) return 'lost';
    throw err;
  }
}

/** `checkpointUnderLease` for callers that only commit: false = the lease was lost and nothing was written. */
export async function appendStepsUnderLease(db: TDatabase, held: THeldLease, rows: TStepRow[]): Promise<boolean> {
  if (rows.length === 0) return true;

  return (await checkpointUnderLease(db, held, rows)) !== 'lost';
}
