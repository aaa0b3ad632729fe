import type { LogOutcome, SignatureResult } from '@uw/db';

/** Plain rows written by the ingest path (snake_case, JSON pre-serialised): no unit of work on the hot path. */
export type TLogRow = {
  id: string;
  workspace_id: string;
  source: 'clockify' | 'custom';
  source_id: string | null;
  event_type: string;
  payload: string | null;
  headers: string;
  received_at: number;
  signature: SignatureResult;
  dedup_key: string | null;
  outcome: LogOutcome;
  reason: string | null;
  flow_ids: string;
  redacted: string;
  size_bytes: number;
};

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

export const TABLES = {
  log: 'universal_webhook_log',
  dedup: 'universal_webhook_dedup',
  execution: 'universal_webhook_flow_execution',
} as const;
