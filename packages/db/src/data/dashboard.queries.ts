import type { TDatabase } from '../database';
import { TABLE } from './tables';

/** Executions of the workspace created since `since`, counted by status (statuses that occurred only). */
export async function countExecutionsByStatus(db: TDatabase, workspaceId: string, since: number): Promise<{ status: string; n: number }[]> {
  const rows = (await db
    .knex()(TABLE.execution)
    .where('workspace_id', workspaceId)
    .andWhere('created_at', '>=', since)
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as unknown as { status: string; n: string | number }[];

  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/** The workspace's latest failed executions (raw rows) with their flow's name as `flow_name`. */
export async function recentFailedExecutions(db: TDatabase, workspaceId: string, limit: number): Promise<Record<string, unknown>[]> {
  return (await db
    .knex()(`${TABLE.execution} as e`)
    .leftJoin(`${TABLE.flow} as f`, function () {
      this.on('f.id', '=', 'e.flow_id').andOn('f.workspace_id', '=', 'e.workspace_id');
    })
    .where('e.workspace_id', workspaceId)
    .andWhere('e.status', 'failed')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .select('e.*', 'f.name as flow_name')) as Record<string, unknown>[];
}
