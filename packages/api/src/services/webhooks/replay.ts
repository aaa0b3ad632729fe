import type { TRuntime } from '../../runtime';
import { notFound, UserError } from '../../errors';
import { triggerKeyOf } from '../ingest/flow-index';
import { executionRow } from '../ingest/record';

/** Runs the flows that match a logged webhook now (current versions), as new executions linked to it. */
export async function replayWebhook(runtime: TRuntime, workspaceId: string, id: string) {
  const knex = runtime.deps.db.knex();
  const log = await knex('universal_webhook_log')
    .where({ workspace_id: workspaceId, id })
    .first('id', 'source', 'source_id', 'event_type', 'outcome');
  if (!log) throw notFound('webhook');
  if (log.outcome === 'rejected') {
    throw new UserError('CONFLICT', 'a rejected webhook cannot be replayed: its payload was never trusted');
  }
  const key = log.source === 'clockify' ? triggerKeyOf('clockify', log.event_type) : triggerKeyOf('custom', log.source_id);
  const matches = runtime.flowIndex.match(workspaceId, key);
  const rows = matches.map((m) => executionRow(workspaceId, m, log.id));
  if (rows.length > 0) await knex('universal_webhook_flow_execution').insert(rows);

  return { queued: rows.length, executionIds: rows.map((r) => r.id) };
}
