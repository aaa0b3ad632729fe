import { newId, type TExecutionRow } from '../src';

/** A queued execution row, runnable now, in `workspaceId` (fields as given in `over`). */
export function execution(workspaceId: string, over: Partial<TExecutionRow> = {}): TExecutionRow {
  const now = Date.now();

  return {
    id: newId(),
    workspace_id: workspaceId,
    flow_id: 'flow-1',
    flow_version_id: 'version-1',
    log_id: null,
    status: 'queued',
    attempts: 0,
    run_after: now - 1,
    lease_owner: null,
    lease_until: null,
    lease_token: 0,
    trigger: '{}',
    error: null,
    retry_of: null,
    created_at: now,
    started_at: null,
    finished_at: null,
    ...over,
  };
}
