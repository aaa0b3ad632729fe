import { dashboardQueries, subscriptionQueries, type TDatabase } from '@uw/db';

import { toExecutionView } from '../executions/timeline';

const HOUR = 3_600_000;

/** Webhook registrations of the workspace, by origin (manifest or registered through the API). */
export async function countSubscriptions(db: TDatabase, workspaceId: string) {
  const rows = await subscriptionQueries.countSubscriptionsByOrigin(db, workspaceId);
  const byOrigin = Object.fromEntries(rows.map((r) => [r.origin, r.n]));

  return { total: rows.reduce((sum, r) => sum + r.n, 0), manifest: byOrigin.manifest ?? 0, api: byOrigin.api ?? 0 };
}

/** Executions created in the last `hours`, counted by status (statuses that occurred only). */
export async function executionOutcomes(db: TDatabase, workspaceId: string, hours = 24) {
  const since = Date.now() - hours * HOUR;
  const rows = await dashboardQueries.countExecutionsByStatus(db, workspaceId, since);

  return {
    since,
    total: rows.reduce((sum, r) => sum + r.n, 0),
    outcomes: Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>,
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
  const rows = await dashboardQueries.recentFailedExecutions(db, workspaceId, limit);

  return rows.map((r) => {
    const view = toExecutionView(r);

    return { ...view, errorMessage: messageOf(view.error) };
  });
}
