import type { TLogOutcome, TSignatureResult } from '../entities';

/** A log row as the ingest path writes it (snake_case, JSON pre-serialised): no unit of work on the hot path. */
export type TLogRow = {
  id: string;
  workspace_id: string;
  source: 'clockify' | 'custom';
  source_id: string | null;
  event_type: string;
  payload: string | null;
  /** The body as received when it was not JSON (null for JSON and when redaction applied). */
  raw_body: string | null;
  headers: string;
  received_at: number;
  signature: TSignatureResult;
  dedup_key: string | null;
  outcome: TLogOutcome;
  reason: string | null;
  flow_ids: string;
  redacted: string;
  size_bytes: number;
};

/** A new queued execution as the ingest path, replays and retries write it. */
export type TExecutionRow = {
  id: string;
  workspace_id: string;
  flow_id: string;
  flow_version_id: string;
  log_id: string | null;
  status: 'queued';
  attempts: number;
  run_after: number;
  lease_owner: null;
  lease_until: null;
  lease_token: number;
  trigger: string;
  error: null;
  retry_of: string | null;
  created_at: number;
  started_at: null;
  finished_at: null;
};

/** A journal row (JSON pre-serialised and already scrubbed by the caller). */
export type TStepRow = {
  id: string;
  workspace_id: string;
  execution_id: string;
  seq: number;
  node_id: string | null;
  kind: string;
  status: string;
  attempt: number;
  request: string | null;
  response: string | null;
  error: string | null;
  idempotency_key: string | null;
  latency_ms: number | null;
  created_at: number;
};
