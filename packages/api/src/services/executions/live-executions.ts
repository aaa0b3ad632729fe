import type { TApiDeps } from '../../deps';

/** Status changes of the workspace's executions, until `signal`. */
export async function* liveExecutions(deps: TApiDeps, workspaceId: string, signal: AbortSignal | undefined) {
  for await (const event of deps.bus.subscribe(workspaceId, 'execution.updated', signal)) {
    if (event.type === 'execution.updated') yield { executionId: event.executionId, status: event.status };
  }
}
