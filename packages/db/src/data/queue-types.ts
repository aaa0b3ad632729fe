import type { TStepRow } from './rows';

/** What the execution queue's statements take and give (shared by the PostgreSQL and SQLite versions). */

export type TClaimed = {
  reclaimed: boolean;
  /** It was `waiting` (parked by a wait node) and its resume time has come. */
  resumed: boolean;
  id: string;
  workspace_id: string;
  flow_id: string;
  flow_version_id: string;
  log_id: string | null;
  lease_token: number;
  attempts: number;
  lease_owner: string | null;
  started_at: number | null;
  retry_of: string | null;
  /** Someone asked to cancel it meanwhile: the run ends `cancelled` instead of starting. */
  cancel_requested_at: number | string | null;
  /** Its webhook as stored (JSON columns as text), when the claim read it along (PostgreSQL). */
  log?: TClaimedLog;
};

export type TClaimedLog = {
  event_type: string;
  source: string;
  received_at: number | string;
  payload: string | null;
  headers: string;
};

/** A lease this worker believes it holds. */
export type THeldLease = { id: string; workspace_id: string; lease_token: number };

/**
 * `succeeded`, `filtered` (its conditions ended it before any action acted) and `failed` end it;
 * `queued` and `waiting` put it back until `runAfter` (`waiting`: parked by a wait node, `runAfter` is its
 * resume time). `refund`: the run did nothing that counts (a paused workspace, a wait), so its claim is not an attempt.
 */
export type TFinish = {
  status: 'succeeded' | 'filtered' | 'failed' | 'cancelled' | 'queued' | 'waiting';
  error?: unknown;
  runAfter?: number;
  refund?: boolean;
};

/** One outcome to write; `steps` (not yet committed journal rows) and the flow's last run go with it if accepted. */
export type TFinishRow = { held: THeldLease; outcome: TFinish; steps?: TStepRow[]; flowId?: string };
