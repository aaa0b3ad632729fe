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

/** Executions as `e` with their flow's name as `flow_name` (null once the flow row is gone), in the workspace. */
function withFlowName(db: TDatabase, workspaceId: string) {
  return db
    .knex()(`${TABLE.execution} as e`)
    .leftJoin(`${TABLE.flow} as f`, function () {
      this.on('f.id', '=', 'e.flow_id').andOn('f.workspace_id', '=', 'e.workspace_id');
    })
    .where('e.workspace_id', workspaceId);
}

/** The whole execution row with its flow's name as `flow_name`, or undefined. */
export function findExecution(db: TDatabase, workspaceId: string, id: string): Promise<Record<string, unknown> | undefined> {
  return withFlowName(db, workspaceId).andWhere('e.id', id).first('e.*', 'f.name as flow_name');
}

export type TExecutionFilter = { flowId?: string; status?: string; from?: number; to?: number; cursor?: string; limit: number };

/**
 * Newest first, `limit + 1` rows (the extra one says another page exists), cursor = the last id seen;
 * each with its flow's name as `flow_name`.
 */
export function listExecutions(db: TDatabase, workspaceId: string, filter: TExecutionFilter): Promise<Record<string, unknown>[]> {
  const q = withFlowName(db, workspaceId);
  if (filter.flowId) q.andWhere('e.flow_id', filter.flowId);
  if (filter.status) q.andWhere('e.status', filter.status);
  if (filter.from !== undefined) q.andWhere('e.created_at', '>=', filter.from);
  if (filter.to !== undefined) q.andWhere('e.created_at', '<=', filter.to);
  if (filter.cursor) q.andWhere('e.id', '<', filter.cursor);

  return q.orderBy('e.id', 'desc').limit(filter.limit + 1).select('e.*', 'f.name as flow_name');
}

export type TLogExecution = {
  id: string;
  flow_id: string;
  flow_name: string | null;
  status: string;
  attempts: number | string;
  created_at: number | string;
  finished_at: number | string | null;
};

/** The executions a webhook queued, oldest first, with their flow's name. */
export function listExecutionsOfLog(db: TDatabase, workspaceId: string, logId: string): Promise<TLogExecution[]> {
  return withFlowName(db, workspaceId)
    .andWhere('e.log_id', logId)
    .orderBy('e.id', 'asc')
    .select('e.id', 'e.flow_id', 'f.name as flow_name', 'e.status', 'e.attempts', 'e.created_at', 'e.finished_at');
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
