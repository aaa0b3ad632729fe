import type { TRuntime } from '../../runtime';
import { UserError } from '../../errors';
import { getFlowOrThrow } from '../flows/flow-store';
import { effectiveSettings } from '../settings/effective-settings';
import { queueTriggered } from './queue-triggered';

/**
 * `flows.run`: queues an execution of the flow's current version now, whatever its trigger and even when
 * it is disabled (an admin asked for it), with `sample` as its payload (`event.type` `manual`). Refused when
 * flows are off for the workspace. Returns the execution's id; this process's worker is nudged.
 */
export async function runFlowNow(
  runtime: TRuntime,
  workspaceId: string,
  input: { id: string; sample?: unknown },
): Promise<{ executionId: string }> {
  const { deps } = runtime;
  const flow = await getFlowOrThrow(deps, { workspaceId, userId: null }, input.id);
  const installation = await runtime.installations.get(workspaceId);
  if (!effectiveSettings(deps.config.settingsDefaults, installation?.settings ?? {}).enable_flows) {
    throw new UserError('FEATURE_DISABLED', 'flows are turned off for this workspace (setting enable_flows)');
  }
  const [executionId] = await queueTriggered(deps.db, workspaceId, {
    matches: [{ flowId: flow.id, versionId: flow.currentVersionId }],
    event: { source: 'manual', type: 'manual' },
    payload: input.sample ?? null,
  });
  runtime.nudge.notify();

  return { executionId: executionId! };
}
