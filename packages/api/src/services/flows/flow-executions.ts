import type { TApiDeps } from '../../deps';
import { listExecutions, type TListExecutions } from '../executions/timeline';
import { getFlowOrThrow } from './flow-store';

/** A page of the flow's executions, newest first; NOT_FOUND for a flow the workspace does not have. */
export async function listFlowExecutions(
  deps: TApiDeps,
  scope: { workspaceId: string; userId: string | null },
  input: TListExecutions & { flowId: string },
) {
  await getFlowOrThrow(deps, scope, input.flowId);

  return listExecutions(deps.db, scope.workspaceId, input);
}
