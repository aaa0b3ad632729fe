import { newId, type TExecutionRow, type TLogRow, type TStepRow } from '../src';

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

/** A stored Clockify webhook of `eventType` in `workspaceId`. */
export function log(workspaceId: string, eventType: string): TLogRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    source: 'clockify',
    source_id: null,
    event_type: eventType,
    payload: JSON.stringify({ project: { name: `${workspaceId}-project` } }),
    raw_body: null,
    headers: '{}',
    received_at: Date.now(),
    signature: 'valid',
    dedup_key: null,
    outcome: 'no_match',
    reason: null,
    flow_ids: '[]',
    redacted: '[]',
    size_bytes: 10,
  };
}

/** A succeeded HTTP step at `seq` of the held execution. */
export function step(held: { id: string; workspace_id: string }, seq: number): TStepRow {
  return {
    id: newId(),
    workspace_id: held.workspace_id,
    execution_id: held.id,
    seq,
    node_id: `n${seq}`,
    kind: 'http',
    status: 'succeeded',
    attempt: 1,
    request: null,
    response: '{"status":200}',
    error: null,
    idempotency_key: null,
    latency_ms: 5,
    created_at: Date.now(),
  };
}
