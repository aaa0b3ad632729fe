import type { TDatabase } from '../database';
import { newId } from '../ids';
import type { TSql } from './sql';
import { TABLE } from './tables';

/**
 * Cancelling executions. One that is not running (queued, waiting on a wait node, or queued again for a
 * retry) ends `cancelled` at once, with a `cancel` entry in its timeline. A running one gets the request
 * (`cancel_requested_at`): its worker stops at its next step boundary and ends it `cancelled` itself.
 */

/** Who cancels and the line the timeline shows ("cancelled by u1", "flow disabled by u1"). */
export type TCancelBy = { by: string | null; reason: string; now: number };

const PENDING = ['queued', 'waiting'];

const request = (c: TCancelBy) => ({ cancel_requested_at: c.now, cancelled_by: c.by, cancel_reason: c.reason });

/** The timeline entry of a cancel; `seq` follows the execution's last entry. */
export function cancelStep(execution: { id: string; workspace_id: string }, seq: number, c: TCancelBy) {
  return {
    id: newId(),
    workspace_id: execution.workspace_id,
    execution_id: execution.id,
    seq,
    node_id: null,
    kind: 'cancel',
    status: 'cancelled',
    attempt: 1,
    request: null,
    response: null,
    error: JSON.stringify({ code: 'CANCELLED', message: c.reason, by: c.by, at: c.now }),
    idempotency_key: null,
    latency_ms: null,
    created_at: c.now,
  };
}

/** Ends the given pending executions `cancelled` and writes each one's timeline entry (inside `trx`). */
async function endPending(trx: TSql, { workspaceId, ids }: { workspaceId: string; ids: string[] }, c: TCancelBy): Promise<string[]> {
  const done: string[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const rows: { id: string }[] = await trx(TABLE.execution)
      .where('workspace_id', workspaceId)
      .whereIn('id', chunk)
      .whereIn('status', PENDING)
      .update({ ...request(c), status: 'cancelled', finished_at: c.now, lease_owner: null, lease_until: null })
      .returning(['id']);
    if (rows.length === 0) continue;
    const last: { execution_id: string; seq: number | string | null }[] = await trx(TABLE.step)
      .where('workspace_id', workspaceId)
      .whereIn(
        'execution_id',
        rows.map((r) => r.id),
      )
      .groupBy('execution_id')
      .select('execution_id', trx.raw('max(seq) as seq'));
    const lastSeq = new Map(last.map((l) => [l.execution_id, Number(l.seq)]));
    const steps = rows.map((r) => cancelStep({ id: r.id, workspace_id: workspaceId }, (lastSeq.get(r.id) ?? -1) + 1, c));
    await trx(TABLE.step).insert(steps);
    done.push(...rows.map((r) => r.id));
  }

  return done;
}

export type TCancelOne = { status: string; cancelled: boolean; stopping: boolean };

/**
 * Cancels one execution: `cancelled` (it was pending, now ended), `stopping` (it is running: its worker stops at
 * the next step boundary; also when it was asked before), or neither (it had finished: `status` says how).
 * Undefined: no such execution in the workspace.
 */
export async function cancelExecution(
  db: TDatabase,
  { workspaceId, id }: { workspaceId: string; id: string },
  c: TCancelBy,
): Promise<TCancelOne | undefined> {
  return db.knex().transaction(async (trx) => {
    const row: { status: string; cancel_requested_at: unknown } | undefined = await trx(TABLE.execution)
      .where({ workspace_id: workspaceId, id })
      .first('status', 'cancel_requested_at');
    if (!row) return undefined;
    if (PENDING.includes(row.status)) {
      const [done] = await endPending(trx, { workspaceId, ids: [id] }, c);
      if (done) return { status: 'cancelled', cancelled: true, stopping: false };
    }
    // Running (or claimed a moment ago): ask its worker; a second request keeps the first one's author.
    const asked = await trx(TABLE.execution)
      .where({ workspace_id: workspaceId, id, status: 'running' })
      .whereNull('cancel_requested_at')
      .update(request(c));
    const now: { status: string } = await trx(TABLE.execution).where({ workspace_id: workspaceId, id }).first('status');
    const stopping = now.status === 'running' && (asked === 1 || row.cancel_requested_at !== null);

    return { status: now.status, cancelled: false, stopping };
  });
}

/** A flow's executions that were cancelled (pending ones) and that were asked to stop (running ones). */
export type TCancelFlow = { cancelled: string[]; stopping: string[] };

/** Cancels every pending execution of a flow and asks its running ones to stop, in one transaction. */
export async function cancelFlowExecutions(
  db: TDatabase,
  { workspaceId, flowId }: { workspaceId: string; flowId: string },
  c: TCancelBy,
): Promise<TCancelFlow> {
  return db.knex().transaction(async (trx) => {
    const pending: { id: string }[] = await trx(TABLE.execution)
      .where({ workspace_id: workspaceId, flow_id: flowId })
      .whereIn('status', PENDING)
      .select('id');
    const cancelled = await endPending(
      trx,
      { workspaceId, ids: pending.map((p) => p.id) },
      c,
    );
    const running: { id: string }[] = await trx(TABLE.execution)
      .where({ workspace_id: workspaceId, flow_id: flowId, status: 'running' })
      .whereNull('cancel_requested_at')
      .update(request(c))
      .returning(['id']);

    return { cancelled, stopping: running.map((r) => r.id) };
  });
}
