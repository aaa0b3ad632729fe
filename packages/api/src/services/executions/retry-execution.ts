import { newId } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound, UserError } from '../../errors';
import { executionRow } from '../ingest/record';

export type TRetryInput = { id: string; from: 'failed_step' | 'start'; version: 'same' | 'current' };

/**
 * A new execution for the same webhook. From the failed step: the original's succeeded steps are copied
 * into the new journal, so they are reused and never re-sent. On the version it ran, or the flow's current.
 */
export async function retryExecution(deps: TApiDeps, workspaceId: string, input: TRetryInput) {
  const knex = deps.db.knex();
  const original = await knex('universal_webhook_flow_execution').where({ workspace_id: workspaceId, id: input.id }).first();
  if (!original) throw notFound('execution');
  if (original.status === 'queued' || original.status === 'running') {
    throw new UserError('CONFLICT', 'the execution is still running');
  }
  let versionId = String(original.flow_version_id);
  if (input.version === 'current') {
    const flow = await knex('universal_webhook_flow')
      .where({ workspace_id: workspaceId, id: original.flow_id })
      .whereNull('deleted_at')
      .first('current_version_id');
    if (!flow) throw notFound('flow');
    versionId = String(flow.current_version_id);
  }
  const row = executionRow(workspaceId, { flowId: String(original.flow_id), versionId }, original.log_id, String(original.id));
  await knex.transaction(async (trx) => {
    await trx('universal_webhook_flow_execution').insert(row);
    if (input.from !== 'failed_step' || versionId !== String(original.flow_version_id)) return;
    const done = await trx('universal_webhook_execution_step')
      .where({ workspace_id: workspaceId, execution_id: input.id, status: 'succeeded' })
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
    if (copies.length > 0) await trx('universal_webhook_execution_step').insert(copies);
  });

  return { id: row.id, retryOf: input.id, flowVersionId: versionId, reusedSteps: input.from === 'failed_step' };
}

const asJson = (v: unknown) => (v === null || v === undefined || typeof v === 'string' ? (v ?? null) : JSON.stringify(v));
