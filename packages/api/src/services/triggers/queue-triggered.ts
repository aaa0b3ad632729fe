import { executionQueries, type TDatabase, type TExecutionRow } from '@uw/db';

import { executionRow } from '../ingest/record';
import type { TFlowMatch } from '../ingest/flow-index';

/** How a run that no webhook started was triggered: `manual`, `schedule` or `internal`, and the event's name. */
export type TTriggerEvent = { source: 'manual' | 'schedule' | 'internal'; type: string };

/** The stored trigger input of such a run: what its expressions see as `event`, `payload` and `headers`. */
export type TStoredTrigger = {
  event: { type: string; source: string; receivedAt: string; id: string };
  payload: unknown;
  headers: Record<string, string>;
};

/** A queued execution row carrying its trigger input (no log row: nothing was received). */
export function triggeredExecutionRow(
  workspaceId: string,
  match: TFlowMatch,
  args: { event: TTriggerEvent; payload: unknown; now?: number },
): TExecutionRow {
  const row = executionRow(workspaceId, match, null);
  const receivedAt = new Date(args.now ?? row.created_at).toISOString();
  const trigger: TStoredTrigger = { event: { ...args.event, receivedAt, id: row.id }, payload: args.payload ?? null, headers: {} };

  return { ...row, trigger: JSON.stringify(trigger) };
}

/** Queues one execution per matching flow with the same trigger input; returns their ids. */
export async function queueTriggered(
  db: TDatabase,
  workspaceId: string,
  args: { matches: TFlowMatch[]; event: TTriggerEvent; payload: unknown },
): Promise<string[]> {
  const rows = args.matches.map((m) => triggeredExecutionRow(workspaceId, m, args));
  await executionQueries.insertExecutions(db, rows);

  return rows.map((r) => r.id);
}
