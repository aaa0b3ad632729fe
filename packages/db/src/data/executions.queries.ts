import type { TDatabase } from '../database';
import { newId } from '../ids';
import type { TExecutionRow } from './rows';
import { insertChunked, type TSql } from './sql';
import { TABLE } from './tables';

export type { TExecutionRow };

/** Queues new executions (inside the caller's transaction `trx` when given). */
export function insertExecutions(db: TDatabase, rows: TExecutionRow[], opts: { trx?: TSql } = {}): Promise<void> {
  return insertChunked(opts.trx ?? db.knex(), TABLE.execution, rows);
}

/** The trigger input stored with an execution that no webhook queued (schedule, manual, internal), or undefined. */
export async function findExecutionTrigger(db: TDatabase, workspaceId: string, id: string): Promise<unknown> {
  const row = await db.knex()(TABLE.execution).where({ workspace_id: workspaceId, id }).first('trigger');

  return row?.trigger;
}

/** The whole execution row, or undefined. */
export function findExecution(db: TDatabase, workspaceId: string, id: string): Promise<Record<string, unknown> | undefined> {
  return db.knex()(TABLE.execution).where({ workspace_id: workspaceId, id }).first();
}

export type TExecutionFilter = { flowId?: string; status?: string; from?: number; to?: number; cursor?: string; limit: number };

/** Newest first, `limit + 1` rows (the extra one says another page exists), cursor = the last id seen. */
export function listExecutions(db: TDatabase, workspaceId: string, filter: TExecutionFilter): Promise<Record<string, unknown>[]> {
  const q = db.knex()(TABLE.execution).where('workspace_id', workspaceId);
  if (filter.flowId) q.andWhere('flow_id', filter.flowId);
  if (filter.status) q.andWhere('status', filter.status);
  if (filter.from !== undefined) q.andWhere('created_at', '>=', filter.from);
  if (filter.to !== undefined) q.andWhere('created_at', '<=', filter.to);
  if (filter.cursor) q.andWhere('id', '<', filter.cursor);

  return q.orderBy('id', 'desc').limit(filter.limit + 1);
}

export type TLogExecution = {
  id: string;
  flow_id: string;
  status: string;
  attempts: number | string;
  created_at: number | string;
  finished_at: number | string | null;
};

/** The executions a webhook queued, oldest first. */
export function listExecutionsOfLog(db: TDatabase, workspaceId: string, logId: string): Promise<TLogExecution[]> {
  return db
    .knex()(TABLE.execution)
    .where({ workspace_id: workspaceId, log_id: logId })
    .orderBy('id', 'asc')
    .select('id', 'flow_id', 'status', 'attempts', 'created_at', 'finished_at');
}

const asJson = (v: unknown) => (v === null || v === undefined || typeof v === 'string' ? (v ?? null) : JSON.stringify(v));

/**
 * Queues a retry in one transaction. With `reuseStepsOf`, the original's succeeded steps (conditions
 * excepted) are copied into the new journal, renumbered from 0, so they are reused and never re-sent.
 */
export async function insertRetry(
  db: TDatabase,
  workspaceId: string,
  args: { row: TExecutionRow; reuseStepsOf?: string },
): Promise<void> {
  const { row, reuseStepsOf } = args;
  await db.knex().transaction(async (trx) => {
    await trx(TABLE.execution).insert(row);
    if (!reuseStepsOf) return;
    const done = await trx(TABLE.step)
      .where({ workspace_id: workspaceId, execution_id: reuseStepsOf, status: 'succeeded' })
      .whereNot('kind', 'condition')
      .orderBy('seq');
    const copies = done.map((s: Record<string, unknown>, i: number) => ({
      ...s,
      id: newId(),
      execution_id: row.id,
      seq: i,
      request: asJson(s.request),
      response: asJson(s.response),
      error: asJson(s.error),
    }));
    if (copies.length > 0) await trx(TABLE.step).insert(copies);
  });
}
