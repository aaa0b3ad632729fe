import { entityCacheQueries, executionCancelQueries, type TDatabase } from '@uw/db';

import { notFound, UserError } from '../../errors';
import type { TRuntime } from '../../runtime';
import type { TCaller } from '../auth/caller';

type TActor = Pick<TCaller, 'workspaceId' | 'userId' | 'key'>;

/**
 * Who acts, as stored (`cancelled_by`: a user id, `key:<id>` for a service key) and as the timeline names them:
 * a user by the name the workspace's cache knows (its bootstrap), else by id.
 */
export async function actorOf(db: TDatabase, caller: TActor): Promise<{ by: string | null; name: string }> {
  if (caller.userId) {
    const users = await entityCacheQueries.listCachedUsers(db, caller.workspaceId);
    const name = users.find((u) => u.id === caller.userId)?.name;

    return { by: caller.userId, name: name ? `${name} (user ${caller.userId})` : `user ${caller.userId}` };
  }
  if (caller.key) return { by: `key:${caller.key.id}`, name: `service key ${caller.key.id}` };

  return { by: null, name: 'an unknown caller' };
}

function announce(runtime: TRuntime, workspaceId: string, ids: string[]) {
  for (const executionId of ids) {
    runtime.deps.metrics.executionFinished('cancelled');
    runtime.deps.bus.publish({ type: 'execution.updated', workspaceId, executionId, status: 'cancelled' });
  }
}

export type TCancelResult = { id: string; status: 'cancelled' | 'cancelling' };

/**
 * Cancels one execution. Queued, waiting (a wait node) and retrying ones end `cancelled` at once; a running one
 * is `cancelling`: its worker stops at the next step boundary (the step in flight finishes, nothing after it is
 * sent). A finished one is refused (CONFLICT) with its status.
 */
export async function cancelExecution(runtime: TRuntime, caller: TActor, id: string): Promise<TCancelResult> {
  const actor = await actorOf(runtime.deps.db, caller);
  const c = { by: actor.by, reason: `cancelled by ${actor.name}`, now: Date.now() };
  const result = await executionCancelQueries.cancelExecution(runtime.deps.db, { workspaceId: caller.workspaceId, id }, c);
  if (!result) throw notFound('execution');
  if (result.cancelled) {
    announce(runtime, caller.workspaceId, [id]);

    return { id, status: 'cancelled' };
  }
  if (result.stopping) return { id, status: 'cancelling' };
  throw new UserError(
    'CONFLICT',
    `the execution already ended (${result.status}); only queued, waiting, retrying or running executions can be cancelled`,
  );
}

export type TFlowCancelResult = { cancelled: number; cancelling: number };

/** A disabled or deleted flow's executions: pending ones end `cancelled`, running ones stop at their next step boundary. */
export async function cancelFlowRuns(
  runtime: TRuntime,
  caller: TActor,
  target: { flowId: string; why: 'disabled' | 'deleted' },
): Promise<TFlowCancelResult> {
  const { flowId, why } = target;
  const actor = await actorOf(runtime.deps.db, caller);
  const c = { by: actor.by, reason: `flow ${why} by ${actor.name}`, now: Date.now() };
  const result = await executionCancelQueries.cancelFlowExecutions(runtime.deps.db, { workspaceId: caller.workspaceId, flowId }, c);
  announce(runtime, caller.workspaceId, result.cancelled);

  return { cancelled: result.cancelled.length, cancelling: result.stopping.length };
}
