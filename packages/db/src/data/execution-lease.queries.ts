import type { TDatabase } from '../database';
import type { TStepRow } from './rows';
import { extendLease, type TLease } from './leases';
import { TABLE } from './tables';

const EXECUTION_LEASE: TLease = { table: TABLE.execution, until: 'lease_until', owner: 'lease_owner' };

/**
 * The execution queue's leases: a claim takes a row for `leaseMs` and bumps its fencing token
 * (`lease_token`); every later write by that worker names the token, so a worker whose lease was taken
 * over writes nothing. (Job locks and bootstrap runs take and extend theirs with the same `leases.ts`.)
 */

export type TClaimed = {
  reclaimed: boolean;
  /** It was `waiting` (parked by a wait node) and its resume time has come. */
  resumed: boolean;
  id: string;
  workspace_id: string;
  flow_id: string;
  flow_version_id: string;
  log_id: string | null;
  lease_token: number;
  attempts: number;
  lease_owner: string | null;
  started_at: number | null;
  retry_of: string | null;
};

/** A lease this worker believes it holds. */
export type THeldLease = { id: string; workspace_id: string; lease_token: number };

export type TClaimArgs = { owner: string; limit: number; leaseMs: number; perWorkspace: number };

const RUNNABLE = `((status in ('queued', 'waiting') and run_after <= ?) or (status = 'running' and lease_until < ?))`;

/**
 * Claims up to `limit` runnable executions for `owner`: queued ones whose time has come, waiting ones whose
 * resume time has come, and running ones
 * whose lease expired (their worker died). Candidates are taken round-robin across workspaces (the first
 * of every workspace, then the second…), so one workspace's burst cannot starve the others. On PostgreSQL
 * the claim locks with SKIP LOCKED, so concurrent workers never take the same row; every claim bumps the
 * fencing token, so a stale worker's late writes are refused.
 */
export async function claimExecutions(db: TDatabase, args: TClaimArgs): Promise<TClaimed[]> {
  const { owner, limit, leaseMs, perWorkspace } = args;
  const now = Date.now();
  const knex = db.knex();
  const ranked = knex(TABLE.execution)
    .select('id', 'run_after', knex.raw('row_number() over (partition by workspace_id order by run_after, id) as rn'))
    .whereRaw(RUNNABLE, [now, now]);
  const picked: { id: string }[] = await knex
    .select('id')
    .from(ranked.as('ranked'))
    .where('rn', '<=', perWorkspace)
    .orderBy([{ column: 'rn' }, { column: 'run_after' }])
    .limit(limit);
  if (picked.length === 0) return [];
  const ids = picked.map((p) => p.id);

  return knex.transaction(async (trx) => {
    const lockable = trx(TABLE.execution).select('id', 'status').whereIn('id', ids).andWhereRaw(RUNNABLE, [now, now]);
    if (db.dialect === 'postgresql') lockable.forUpdate().skipLocked();
    const locked: { id: string; status: string }[] = await lockable;
    if (locked.length === 0) return [];
    const expired = new Set(locked.filter((l) => l.status === 'running').map((l) => l.id));
    const waited = new Set(locked.filter((l) => l.status === 'waiting').map((l) => l.id));
    const rows: Omit<TClaimed, 'reclaimed'>[] = await trx(TABLE.execution)
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
      ]);

    return rows.map((r) => ({ ...r, reclaimed: expired.has(r.id), resumed: waited.has(r.id) }));
  });
}

/** Extends the leases this worker still holds (by fencing token); returns the ids whose lease was lost. */
export async function renewExecutionLeases(
  db: TDatabase,
  args: { held: { id: string; lease_token: number }[]; leaseMs: number },
): Promise<Set<string>> {
  const lost = new Set<string>();
  const now = Date.now();
  for (const h of args.held) {
    const held = { id: h.id, lease_token: h.lease_token, status: 'running' };
    const n = await extendLease(db.knex(), EXECUTION_LEASE, { held, leaseMs: args.leaseMs, now });
    if (n === 0) lost.add(h.id);
  }

  return lost;
}

/**
 * `queued` and `waiting` put it back until `runAfter` (`waiting`: parked by a wait node, `runAfter` is its
 * resume time). `refund`: the run did nothing that counts (a paused workspace, a wait), so its claim is not an attempt.
 */
export type TFinish = { status: 'succeeded' | 'failed' | 'queued' | 'waiting'; error?: unknown; runAfter?: number; refund?: boolean };

/** One outcome to write; `steps` (not yet committed journal rows) and the flow's last run go with it if accepted. */
export type TFinishRow = { held: THeldLease; outcome: TFinish; steps?: TStepRow[]; flowId?: string };

/**
 * Ends (or reschedules) several executions in one transaction (one commit for all): each outcome is fenced
 * on its own (a refused one writes nothing of its own), the steps of the accepted ones go in one insert,
 * and each flow's last run is updated once, to its latest outcome. Returns, per item, whether it was accepted.
 */
export async function finishExecutions(db: TDatabase, items: TFinishRow[]): Promise<boolean[]> {
  const now = Date.now();

  return db.knex().transaction(async (trx) => {
    const accepted: boolean[] = [];
    const steps: TStepRow[] = [];
    const lastRuns = new Map<string, { workspaceId: string; status: string }>();
    for (const { held, outcome, steps: own = [], flowId } of items) {
      const done = outcome.status === 'succeeded' || outcome.status === 'failed';
      const n = await trx(TABLE.execution)
        .where({ id: held.id, lease_token: held.lease_token, status: 'running' })
        .update({
          status: outcome.status,
          lease_owner: null,
          lease_until: null,
          error: outcome.error === undefined ? null : JSON.stringify(outcome.error),
          run_after: outcome.runAfter ?? now,
          finished_at: done ? now : null,
          ...(outcome.refund ? { attempts: trx.raw('attempts - 1') } : {}),
        });
      accepted.push(n === 1);
      if (n !== 1) continue;
      steps.push(...own);
      if (done && flowId) lastRuns.set(flowId, { workspaceId: held.workspace_id, status: outcome.status });
    }
    for (let i = 0; i < steps.length; i += 200) await trx(TABLE.step).insert(steps.slice(i, i + 200));
    for (const [flowId, run] of lastRuns) {
      await trx(TABLE.flow).where({ id: flowId, workspace_id: run.workspaceId }).update({ last_run_status: run.status, last_run_at: now });
    }

    return accepted;
  });
}

/** Rolls the append's transaction back; never leaves this module. */
class FenceRefused extends Error {}

/**
 * Commits journal rows in one transaction, only while this worker still holds the lease (the fencing
 * token matches). False: the lease was lost and nothing was written.
 */
export async function appendStepsUnderLease(db: TDatabase, held: THeldLease, rows: TStepRow[]): Promise<boolean> {
  if (rows.length === 0) return true;
  try {
    await db.knex().transaction(async (trx) => {
      const fenced = await trx(TABLE.execution)
        .where({ id: held.id, lease_token: held.lease_token, status: 'running' })
        .update({ lease_token: held.lease_token });
      if (fenced !== 1) throw new FenceRefused();
      await trx(TABLE.step).insert(rows);
    });

    return true;
  } catch (err) {
    if (err instanceof FenceRefused) return false;
    throw err;
  }
}
