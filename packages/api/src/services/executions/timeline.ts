import { executionQueries, flowRunQueries, logQueries, stepQueries, type TDatabase } from '@uw/db';

import { notFound } from '../../errors';
import { showStepRequest } from '../flows/masking';
import { scrubSecrets } from '../security/scrub-secrets';

/** Parsed and scrubbed again on the way out: rows journaled before scrubbing existed are shown masked too. */
const parseJson = (v: unknown) => scrubSecrets(typeof v === 'string' ? JSON.parse(v) : v);

/** A journal row as shown: scrubbed, and an HTTP step's request headers masked. */
export function toStepView(r: Record<string, unknown>) {
  return {
    id: String(r.id),
    seq: Number(r.seq),
    nodeId: (r.node_id as string | null) ?? null,
    kind: String(r.kind),
    status: String(r.status),
    attempt: Number(r.attempt),
    request: showStepRequest(String(r.kind), parseJson(r.request)),
    response: parseJson(r.response),
    error: parseJson(r.error),
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
    createdAt: Number(r.created_at),
  };
}

const cancelOf = (r: Record<string, unknown>) =>
  r.cancel_requested_at === null || r.cancel_requested_at === undefined
    ? null
    : { at: Number(r.cancel_requested_at), by: (r.cancelled_by as string | null) ?? null, reason: String(r.cancel_reason ?? 'cancelled') };

export function toExecutionView(r: Record<string, unknown>) {
  return {
    id: String(r.id),
    flowId: String(r.flow_id),
    flowName: (r.flow_name as string | null | undefined) ?? null,
    flowVersionId: String(r.flow_version_id),
    logId: (r.log_id as string | null) ?? null,
    status: String(r.status),
    attempts: Number(r.attempts),
    runAfter: Number(r.run_after),
    error: parseJson(r.error),
    retryOf: (r.retry_of as string | null) ?? null,
    createdAt: Number(r.created_at),
    startedAt: r.started_at === null ? null : Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    cancel: cancelOf(r),
  };
}

/** An execution and its timeline (the trigger, each condition, each attempt of each step, lease expiries). */
export async function getExecution(db: TDatabase, workspaceId: string, id: string) {
  const row = await executionQueries.findExecution(db, workspaceId, id);
  if (!row) return null;
  const steps = await stepQueries.listSteps(db, workspaceId, id);
  const version = await flowRunQueries.findVersionNumber(db, workspaceId, String(row.flow_version_id));
  const log = row.log_id ? await logQueries.findLogHeadline(db, workspaceId, String(row.log_id)) : null;

  return {
    ...toExecutionView(row),
    version,
    webhook: log
      ? { id: String(log.id), eventType: String(log.event_type), source: String(log.source), receivedAt: Number(log.received_at) }
      : null,
    steps: steps.map(toStepView),
  };
}

/** `getExecution`, or NOT_FOUND when the workspace has no such execution. */
export async function getExecutionOrThrow(db: TDatabase, workspaceId: string, id: string) {
  const found = await getExecution(db, workspaceId, id);
  if (!found) throw notFound('execution');

  return found;
}

export type TListExecutions = executionQueries.TExecutionFilter;

export async function listExecutions(db: TDatabase, workspaceId: string, input: TListExecutions) {
  const rows = await executionQueries.listExecutions(db, workspaceId, input);
  const items = rows.slice(0, input.limit).map(toExecutionView);

  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}
