import { newId } from '@uw/db';

import type { TExecutionRow, TLogRow } from './rows';

const KEPT_HEADERS = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'clockify-webhook-event-type',
  'x-github-event',
  'x-github-delivery',
  'webhook-id',
  'webhook-timestamp',
  'x-request-id',
  'x-forwarded-for',
]);

/** Headers worth keeping in the log; signatures, tokens and cookies never are. `extra`: the source's own (any case). */
export function selectHeaders(
  headers: Record<string, string | string[] | undefined>,
  extra: (string | null)[] = [],
): Record<string, string> {
  const wanted = extra.some((h) => h) ? extra.flatMap((h) => (h ? [h.toLowerCase()] : [])) : null;
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || !(KEPT_HEADERS.has(name) || wanted?.includes(name))) continue;
    out[name] = (Array.isArray(value) ? value.join(', ') : value).slice(0, 512);
  }

  return out;
}

export type TLogInput = Omit<TLogRow, 'id' | 'payload' | 'raw_body' | 'headers' | 'flow_ids' | 'redacted' | 'received_at'> & {
  id?: string;
  raw_body?: string | null;
  payload: unknown;
  /** The payload already as JSON text (the body as received, when nothing was dropped or redacted). */
  payloadJson?: string;
  headers: Record<string, string>;
  flowIds?: string[];
  redacted?: string[];
  receivedAt?: number;
};

export function logRow(input: TLogInput): TLogRow {
  const { payload, payloadJson, headers, flowIds, redacted, receivedAt, ...rest } = input;

  return {
    ...rest,
    id: input.id ?? newId(),
    payload: payloadJson ?? (payload === undefined ? null : JSON.stringify(payload)),
    raw_body: rest.raw_body ?? null,
    headers: JSON.stringify(headers),
    flow_ids: JSON.stringify(flowIds ?? []),
    redacted: JSON.stringify(redacted ?? []),
    received_at: receivedAt ?? Date.now(),
  };
}

/** A queued execution of the matched flow version; `match.retryOf` names the execution it retries. */
export function executionRow(
  workspaceId: string,
  match: { flowId: string; versionId: string; retryOf?: string | null },
  logId: string | null,
): TExecutionRow {
  const now = Date.now();

  return {
    id: newId(),
    workspace_id: workspaceId,
    flow_id: match.flowId,
    flow_version_id: match.versionId,
    log_id: logId,
    status: 'queued',
    attempts: 0,
    run_after: now,
    lease_owner: null,
    lease_until: null,
    lease_token: 0,
    trigger: '{}',
    error: null,
    retry_of: match.retryOf ?? null,
    created_at: now,
    started_at: null,
    finished_at: null,
  };
}
