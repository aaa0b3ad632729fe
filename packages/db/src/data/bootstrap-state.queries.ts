import type { TDatabase } from '../database';
import type { TBootstrapStatus } from '../entities';
import { newId } from '../ids';
import { parseJsonColumn } from './sql';
import { extendLease, takeLease, whereLeaseFree, type TLease } from './leases';
import { TABLE } from './tables';

const RUN_LEASE: TLease = { table: TABLE.bootstrapState, until: 'lease_until', owner: 'lease_owner' };

export type TBootstrapError = { operationId: string; message: string; at: number };
export type TBootstrapCursor = { op: number; page: number };

/** A workspace's bootstrap state row as read (numbers, parsed JSON); `P` is the caller's plan-step type. */
export type TBootstrapState<P> = {
  workspaceId: string;
  status: TBootstrapStatus;
  plan: P[];
  opsDone: number;
  opsTotal: number;
  pages: number;
  entities: number;
  errors: TBootstrapError[];
  cursor: TBootstrapCursor;
  leaseOwner: string | null;
  leaseUntil: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  etaAt: number | null;
  updatedAt: number;
};

/** Who holds a run: writes are refused (0 rows) once another owner took the lease. */
export type TFence = { workspaceId: string; owner: string };

export type TProgressPatch<P> = Partial<
  Pick<TBootstrapState<P>, 'status' | 'plan' | 'opsDone' | 'opsTotal' | 'pages' | 'entities' | 'errors' | 'cursor' | 'finishedAt' | 'etaAt'>
>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toState<P>(r: Record<string, unknown>): TBootstrapState<P> {
  return {
    workspaceId: String(r.workspace_id),
    status: r.status as TBootstrapStatus,
    plan: parseJsonColumn<P[]>(r.plan) ?? [],
    opsDone: Number(r.ops_done),
    opsTotal: Number(r.ops_total),
    pages: Number(r.pages),
    entities: Number(r.entities),
    errors: parseJsonColumn<TBootstrapError[]>(r.errors) ?? [],
    cursor: parseJsonColumn<TBootstrapCursor>(r.cursor) ?? { op: 0, page: 1 },
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseUntil: num(r.lease_until),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
    etaAt: num(r.eta_at),
    updatedAt: Number(r.updated_at),
  };
}

/** Column values for a patch (JSON stringified for both dialects). */
function columns<P>(patch: TProgressPatch<P>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.plan !== undefined) out.plan = JSON.stringify(patch.plan);
  if (patch.opsDone !== undefined) out.ops_done = patch.opsDone;
  if (patch.opsTotal !== undefined) out.ops_total = patch.opsTotal;
  if (patch.pages !== undefined) out.pages = patch.pages;
  if (patch.entities !== undefined) out.entities = patch.entities;
  if (patch.errors !== undefined) out.errors = JSON.stringify(patch.errors);
  if (patch.cursor !== undefined) out.cursor = JSON.stringify(patch.cursor);
  if (patch.finishedAt !== undefined) out.finished_at = patch.finishedAt;
  if (patch.etaAt !== undefined) out.eta_at = patch.etaAt;

  return out;
}

export async function readBootstrapState<P>(db: TDatabase, workspaceId: string): Promise<TBootstrapState<P> | null> {
  const row = await db.knex()(TABLE.bootstrapState).where('workspace_id', workspaceId).first();

  return row ? toState<P>(row) : null;
}

/**
 * Starts a new run from the first step, unless a live run holds the row: one atomic conditional UPDATE,
 * so of several processes (or calls) only one gets `true`.
 */
export async function claimFresh<P>(
  db: TDatabase,
  fence: TFence,
  run: { plan: P[]; opsTotal: number; leaseMs: number; now: number },
): Promise<boolean> {
  const { now } = run;
  const empty = {
    plan: '[]',
    ops_done: 0,
    ops_total: 0,
    pages: 0,
    entities: 0,
    errors: '[]',
    cursor: JSON.stringify({ op: 0, page: 1 }),
    updated_at: now,
  };
  const sql = db.knex();
  await sql(TABLE.bootstrapState)
    .insert({ id: newId(), workspace_id: fence.workspaceId, status: 'pending', ...empty })
    .onConflict('workspace_id')
    .ignore();
  const n = await sql(TABLE.bootstrapState)
    .where('workspace_id', fence.workspaceId)
    .andWhere((q) => {
      void q.whereNot('status', 'running').orWhere(whereLeaseFree(RUN_LEASE, now));
    })
    .update({
      ...empty,
      status: 'running',
      plan: JSON.stringify(run.plan),
      ops_total: run.opsTotal,
      lease_owner: fence.owner,
      lease_until: now + run.leaseMs,
      started_at: now,
      finished_at: null,
      eta_at: null,
    });

  return n === 1;
}

/** Takes over an interrupted run (status running, lease expired or released), keeping its cursor. */
export async function claimResume(db: TDatabase, fence: TFence, run: { leaseMs: number; now: number }): Promise<boolean> {
  const match = { workspace_id: fence.workspaceId, status: 'running' };
  const n = await takeLease(db, RUN_LEASE, { match, owner: fence.owner, leaseMs: run.leaseMs, now: run.now, set: { updated_at: run.now } });

  return n === 1;
}

/** Saves progress and extends the lease, only while `fence.owner` still holds it. False = lease lost. */
export async function saveProgress<P>(db: TDatabase, fence: TFence, update: { patch: TProgressPatch<P>; leaseMs: number }): Promise<boolean> {
  const now = Date.now();
  const held = { workspace_id: fence.workspaceId, lease_owner: fence.owner, status: 'running' };
  const n = await extendLease(db.knex(), RUN_LEASE, { held, leaseMs: update.leaseMs, now, set: { ...columns(update.patch), updated_at: now } });

  return n === 1;
}

/** Ends a run (or lets go of it for another process to resume at once: `release`). */
export async function endRun<P>(db: TDatabase, fence: TFence, end: { patch: TProgressPatch<P>; release?: boolean }): Promise<boolean> {
  const now = Date.now();
  const n = await db
    .knex()(TABLE.bootstrapState)
    .where({ workspace_id: fence.workspaceId, lease_owner: fence.owner, status: 'running' })
    .update({ ...columns(end.patch), lease_owner: null, lease_until: end.release ? 0 : null, updated_at: now });

  return n === 1;
}

/** Workspaces (all of them) whose run was interrupted (lease expired or released) or never started (pending). */
export async function listResumable(db: TDatabase, now: number): Promise<{ workspaceId: string; status: TBootstrapStatus }[]> {
  const rows: { workspace_id: string; status: TBootstrapStatus }[] = await db
    .knex()(TABLE.bootstrapState)
    .whereIn('status', ['running', 'pending'])
    .andWhere((q) => {
      q.whereNull('lease_until').orWhere('lease_until', '<', now);
    })
    .select('workspace_id', 'status');

  return rows.map((r) => ({ workspaceId: r.workspace_id, status: r.status }));
}
