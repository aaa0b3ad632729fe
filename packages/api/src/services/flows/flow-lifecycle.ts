import type { TRuntime } from '../../runtime';
import type { TCaller } from '../auth/caller';
import { cancelFlowRuns, type TFlowCancelResult } from '../executions/cancel-execution';
import type { TFlowUpdate } from './flow-schemas';
import { deleteFlow, getFlowOrThrow, updateFlow } from './flow-store';

type TActor = Pick<TCaller, 'workspaceId' | 'userId' | 'key'>;

/** `cancelRunning` (default true): disabling or deleting the flow cancels its queued, waiting and retrying executions. */
export type TStopOptions = { cancelRunning?: boolean };

const NONE: TFlowCancelResult = { cancelled: 0, cancelling: 0 };

/** Updates a flow; when that disables it, its executions are cancelled too unless `cancelRunning` is false. */
async function update(runtime: TRuntime, caller: TActor, input: TFlowUpdate & TStopOptions) {
  const before = await getFlowOrThrow(runtime.deps, caller, input.id);
  const flow = await updateFlow(runtime, caller, input);
  const disabled = before.enabled && !flow.enabled;
  const stopped =
    disabled && input.cancelRunning !== false ? await cancelFlowRuns(runtime, caller, { flowId: flow.id, why: 'disabled' }) : NONE;

  return { flow, ...stopped };
}

/** `flows.update`: returns the flow as stored (a disable cancels its executions unless `cancelRunning` is false). */
export async function updateFlowAndRuns(runtime: TRuntime, caller: TActor, input: TFlowUpdate & TStopOptions) {
  return (await update(runtime, caller, input)).flow;
}

/** `flows.setEnabled`: on or off, with how many executions a disable cancelled and how many are stopping. */
export function setFlowEnabled(runtime: TRuntime, caller: TActor, input: { id: string; enabled: boolean } & TStopOptions) {
  return update(runtime, caller, { id: input.id, data: { enabled: input.enabled }, cancelRunning: input.cancelRunning });
}

/** Deletes a flow (soft) and, unless `cancelRunning` is false, cancels its executions. */
export async function deleteFlowAndRuns(runtime: TRuntime, caller: TActor, input: { id: string } & TStopOptions) {
  const result = await deleteFlow(runtime, caller, input.id);
  const stopped = input.cancelRunning === false ? NONE : await cancelFlowRuns(runtime, caller, { flowId: result.id, why: 'deleted' });

  return { ...result, ...stopped };
}
