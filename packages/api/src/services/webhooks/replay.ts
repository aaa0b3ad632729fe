import { executionQueries, logQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { notFound, UserError } from '../../errors';
import { triggerKeyOf } from '../ingest/flow-index';
import { executionRow } from '../ingest/record';

/**
 * Runs the flows that match a logged webhook now (current versions), as new executions linked to it; this
 * process's worker is nudged.
 */
export async function replayWebhook(runtime: TRuntime, workspaceId: string, id: string) {
  const log = await logQueries.findLogRouting(runtime.deps.db, workspaceId, id);
  if (!log) throw notFound('webhook');
  if (log.outcome === 'rejected') {
    throw new UserError('CONFLICT', 'a rejected webhook cannot be replayed: its payload was never trusted');
  }
  const key = log.source === 'clockify' ? triggerKeyOf('clockify', log.event_type) : triggerKeyOf('custom', log.source_id ?? '');
  const matches = runtime.flowIndex.match(workspaceId, key);
  const rows = matches.map((m) => executionRow(workspaceId, m, log.id));
  if (rows.length > 0) {
    await executionQueries.insertExecutions(runtime.deps.db, rows);
    runtime.nudge.notify();
  }

  return { queued: rows.length, executionIds: rows.map((r) => r.id) };
}
