import { flowQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { triggerKeyOf } from '../ingest/flow-index';
import { emitInternalEvent } from '../triggers/internal-events';
import type { TStoredTrigger } from '../triggers/queue-triggered';
import type { TClaimed } from './claim';

const FAILED = 'EXECUTION_FAILED';

/**
 * Raises `EXECUTION_FAILED` for an execution that failed after its last attempt, naming the flow, the
 * execution and the error. Never for a run of a flow that is itself triggered by EXECUTION_FAILED, nor for
 * a run an EXECUTION_FAILED started: a failing notification cannot notify about itself, in a loop.
 */
export async function notifyExecutionFailed(
  runtime: TRuntime,
  claimed: TClaimed,
  args: { error: unknown; trigger: () => Promise<TStoredTrigger | null> },
): Promise<void> {
  const { deps } = runtime;
  const ws = claimed.workspace_id;
  if (runtime.flowIndex.match(ws, triggerKeyOf('internal', FAILED)).some((m) => m.flowId === claimed.flow_id)) return;
  const trigger = await args.trigger().catch(() => null);
  if (trigger?.event.source === 'internal' && trigger.event.type === FAILED) return;
  const flow = await flowQueries.findFlow(deps.db, ws, claimed.flow_id).catch(() => null);
  await emitInternalEvent(deps, ws, {
    event: FAILED,
    exceptFlowId: claimed.flow_id,
    payload: {
      flow: { id: claimed.flow_id, name: flow?.name ?? null, versionId: claimed.flow_version_id },
      execution: { id: claimed.id, attempts: claimed.attempts, logId: claimed.log_id },
      error: args.error ?? null,
    },
  });
}
