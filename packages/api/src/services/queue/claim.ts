import type { TDatabase } from '@uw/db';

import { stepRow, type THeld, type TNumberedStep } from './journal';

const T = 'universal_webhook_flow_execution';

export type TClaimed = {
  reclaimed: boolean;
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

/**
 * Claims up to `limit` runnable executions for `owner`: queued ones whose time has come, and running ones
 * whose lease expired (their worker died). Candidates are taken round-robin across workspaces (the first
 * of every workspace, then the second…), so one workspace's burst cannot starve the others. On PostgreSQL
 * the claim locks with SKIP LOCKED, so concurrent workers never take the same row; every claim bumps the
 * fencing token, so a stale worker's late writes are refused.
 */
export async function claimExecutions(
  db: TDatabase,
  owner: string,
  limit: number,
  leaseMs: number,
  perWorkspace: number,
): Promise<TClaimed[]> {
  const now = Date.now();
  const knex = db.knex();
  const RUNNABLE = `((status = 'queued' and run_after <= ?) or (status = 'running' and lease_until < ?))`;
  const ranked = knex(T)
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
    const lockable = trx(T).select('id', 'status').whereIn('id', ids).andWhereRaw(RUNNABLE, [now, now]);
    if (db.dialect === 'postgresql') lockable.forUpdate().skipLocked();
    const locked: { id: string; status: string }[] = await lockable;
    if (locked.length === 0) return [];
    const expired = new Set(locked.filter((l) => l.status === 'running').map((l) => l.id));
    const rows: Omit<TClaimed, 'reclaimed'>[] = await trx(T)
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

    return rows.map((r) => ({ ...r, reclaimed: expired.has(r.id) }));
  });
}

/** Extends the lease of executions this worker still holds (by fencing token). */
export async function heartbeat(db: TDatabase, held: { id: string; lease_token: number }[], leaseMs: number): Promise<Set<string>> {
  const lost = new Set<string>();
  const until = Date.now() + leaseMs;
  for (const h of held) {
    const n = await db.knex()(T).where({ id: h.id, lease_token: h.lease_token, status: 'running' }).update({ lease_until: until });
    if (n === 0) lost.add(h.id);
  }

  return lost;
}

/** `refund`: the run did nothing (e.g. the workspace is paused), so its claim does not count as an attempt. */
export type TFinish = { status: 'succeeded' | 'failed' | 'queued'; error?: unknown; runAfter?: number; refund?: boolean };
/** Written in the same transaction as the outcome: steps not yet committed, and the flow's last run. */
export type TFinishExtras = { steps?: TNumberedStep[]; flowId?: string };

export type TFinishItem = { held: THeld; outcome: TFinish; extras?: TFinishExtras };

/** Ends (or reschedules) an execution, only if this worker still holds its lease. False = refused. */
export async function finishExecution(db: TDatabase, held: THeld, outcome: TFinish, extras: TFinishExtras = {}): Promise<boolean> {
  const [ok] = await finishExecutions(db, [{ held, outcome, extras }]);

  return ok!;
}

/**
 * Ends several executions in one transaction (one commit for all): each outcome is fenced on its own
 * (a refused one writes nothing of its own), the steps of the accepted ones go in one insert, and each
 * flow's last run is updated once, to its latest outcome. Returns, per item, whether it was accepted.
 */
export async function finishExecutions(db: TDatabase, items: TFinishItem[]): Promise<boolean[]> {
  const now = Date.now();

  return db.knex().transaction(async (trx) => {
    const accepted: boolean[] = [];
    const steps: ReturnType<typeof stepRow>[] = [];
    const lastRuns = new Map<string, { workspaceId: string; status: string }>();
    for (const { held, outcome, extras = {} } of items) {
      const done = outcome.status !== 'queued';
      const n = await trx(T)
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
      for (const s of extras.steps ?? []) steps.push(stepRow(held, s.seq, s.step));
      if (done && extras.flowId) lastRuns.set(extras.flowId, { workspaceId: held.workspace_id, status: outcome.status });
    }
    for (let i = 0; i < steps.length; i += 200) await trx('universal_webhook_execution_step').insert(steps.slice(i, i + 200));
    for (const [flowId, run] of lastRuns) {
      await trx('universal_webhook_flow')
        .where({ id: flowId, workspace_id: run.workspaceId })
        .update({ last_run_status: run.status, last_run_at: now });
    }

    return accepted;
  });
}
