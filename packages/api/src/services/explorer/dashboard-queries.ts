import type { TDatabase } from '@uw/db';

import { toExecutionView } from '../executions/timeline';

const HOUR = 3_600_000;

/** Webhook registrations of the workspace, by origin (manifest or registered through the API). */
export async function countSubscriptions(db: TDatabase, workspaceId: string) {
  const rows = (await db
    .knex()('universal_webhook_subscription')
    .where('workspace_id', workspaceId)
    .select('origin')
    .count({ n: '*' })
    .groupBy('origin')) as unknown as {
    origin: string;
    n: string | number;
  }[];
  const byOrigin = Object.fromEntries(rows.map((r) => [r.origin, Number(r.n)]));

  return { total: rows.reduce((sum, r) => sum + Number(r.n), 0), manifest: byOrigin.manifest ?? 0, api: byOrigin.api ?? 0 };
}

/** Executions created in the last `hours`, counted by status (statuses that occurred only). */
export async function executionOutcomes(db: TDatabase, workspaceId: string, hours = 24) {
  const since = Date.now() - hours * HOUR;
  const rows = (await db
    .knex()('universal_webhook_flow_execution')
    .where('workspace_id', workspaceId)
    .andWhere('created_at', '>=', since)
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as unknown as { status: string; n: string | number }[];

  return {
    since,
    total: rows.reduce((sum, r) => sum + Number(r.n), 0),
    outcomes: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
  };
}

function messageOf(error: unknown): string | null {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }

  return error === null || error === undefined ? null : JSON.stringify(error).slice(0, 500);
}

/** The latest failed executions (as `executions.list` shows them) with their flow's name and the error's message. */
export async function recentFailures(db: TDatabase, workspaceId: string, limit = 10) {
  const rows = (await db
    .knex()('universal_webhook_flow_execution as e')
    .leftJoin('universal_webhook_flow as f', function () {
      this.on('f.id', '=', 'e.flow_id').andOn('f.workspace_id', '=', 'e.workspace_id');
    })
    .where('e.workspace_id', workspaceId)
    .andWhere('e.status', 'failed')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .select('e.*', 'f.name as flow_name')) as Record<string, unknown>[];

  return rows.map((r) => {
    const view = toExecutionView(r);

    return { ...view, flowName: (r.flow_name as string | null) ?? null, errorMessage: messageOf(view.error) };
  });
}
