import { executionQueries, flowRunQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound, UserError } from '../../errors';
import { executionRow } from '../ingest/record';
import type { TNudge } from '../queue/nudge';

export type TRetryInput = { id: string; from: 'failed_step' | 'start'; version: 'same' | 'current' };

/** What queuing executions needs: the database, and the nudge that wakes this process's worker. The runtime is one. */
export type TQueuer = { deps: TApiDeps; nudge: Pick<TNudge, 'notify'> };

/**
 * A new execution for the same webhook. From the failed step: the original's succeeded steps are copied
 * into the new journal, so they are reused and never re-sent; a succeeded or filtered run has no failed
 * step and is refused (CONFLICT), it can run again from the start. On the version it ran, or the flow's current.
 */
export async function retryExecution(queuer: TQueuer, workspaceId: string, input: TRetryInput) {
  const { deps } = queuer;
  const original = await executionQueries.findExecution(deps.db, workspaceId, input.id);
  if (!original) throw notFound('execution');
  if (original.status === 'queued' || original.status === 'running' || original.status === 'waiting') {
    throw new UserError('CONFLICT', `the execution is still ${original.status === 'waiting' ? 'waiting' : 'running'}`);
  }
  if (input.from === 'failed_step' && (original.status === 'succeeded' || original.status === 'filtered')) {
    throw new UserError(
      'CONFLICT',
      `nothing failed in this execution (it ${original.status === 'filtered' ? 'was filtered by its conditions' : 'succeeded'}): retry from the failed step applies to failed or cancelled runs; run it again with from "start"`,
    );
  }
  let versionId = String(original.flow_version_id);
  if (input.version === 'current') {
    const current = await flowRunQueries.findCurrentVersionId(deps.db, workspaceId, String(original.flow_id));
    if (!current) throw notFound('flow');
    versionId = current;
  }
  const logId = (original.log_id as string | null) ?? null;
  // A run no webhook started (schedule, manual, internal event) keeps its stored trigger input.
  const trigger = typeof original.trigger === 'string' ? original.trigger : JSON.stringify(original.trigger ?? {});
  const row = {
    ...executionRow(workspaceId, { flowId: String(original.flow_id), versionId, retryOf: String(original.id) }, logId),
    trigger,
  };
  const reuse = input.from === 'failed_step' && versionId === String(original.flow_version_id);
  await executionQueries.insertRetry(deps.db, workspaceId, { row, reuseStepsOf: reuse ? input.id : undefined });
  queuer.nudge.notify();

  return { id: row.id, retryOf: input.id, flowVersionId: versionId, reusedSteps: input.from === 'failed_step' };
}
