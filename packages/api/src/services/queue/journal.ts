import { executionLeaseQueries, newId, stepQueries, type TDatabase, type TStepRow } from '@uw/db';

import { scrubSecrets } from '../security/scrub-secrets';
import { LeaseLostError } from '../leases/lease';

export type TStepRecord = {
  nodeId: string | null;
  kind: string;
  status: string;
  attempt?: number;
  request?: unknown;
  response?: unknown;
  error?: unknown;
  idempotencyKey?: string | null;
  latencyMs?: number | null;
};

export type TStoredStep = TStepRecord & { seq: number; attempt: number };

/** Stored scrubbed: a Clockify answer (each webhook's `authToken`…) or a request's credentials never reach the journal. */
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(scrubSecrets(v)));
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The execution's journal in the database. Every append is fenced by the lease token. */
export async function loadSteps(db: TDatabase, workspaceId: string, executionId: string): Promise<TStoredStep[]> {
  const rows = await stepQueries.listSteps(db, workspaceId, executionId);

  return rows.map((r: Record<string, unknown>) => ({
    seq: Number(r.seq),
    nodeId: (r.node_id as string | null) ?? null,
    kind: String(r.kind),
    status: String(r.status),
    attempt: Number(r.attempt),
    request: parse(r.request),
    response: parse(r.response),
    error: parse(r.error),
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
  }));
}

export type THeld = executionLeaseQueries.THeldLease;

/**
 * A step record as a row of the journal table, token-like fields masked (`scrubSecrets`). A resumed
 * execution reuses a recorded response, so later steps see those fields masked too.
 */
export function stepRow(held: THeld, seq: number, step: TStepRecord): TStepRow {
  return {
    id: newId(),
    workspace_id: held.workspace_id,
    execution_id: held.id,
    seq,
    node_id: step.nodeId,
    kind: step.kind,
    status: step.status,
    attempt: step.attempt ?? 1,
    request: json(step.request),
    response: json(step.response),
    error: json(step.error),
    idempotency_key: step.idempotencyKey ?? null,
    latency_ms: step.latencyMs ?? null,
    created_at: Date.now(),
  };
}

export type TNumberedStep = { seq: number; step: TStepRecord };

/** Commits step records in one transaction, only while this worker still holds the lease (the fencing token matches). */
export async function appendSteps(db: TDatabase, held: THeld, steps: TNumberedStep[]): Promise<void> {
  if (steps.length === 0) return;
  const rows = steps.map((s) => stepRow(held, s.seq, s.step));
  if (!(await executionLeaseQueries.appendStepsUnderLease(db, held, rows))) throw new LeaseLostError(`execution ${held.id}`);
}

/**
 * The run's step boundary: commits step records under the lease (LeaseLostError when it was lost), even none.
 * True: someone asked to cancel the execution, so the run must stop here (the records are committed).
 */
export async function checkpoint(db: TDatabase, held: THeld, steps: TNumberedStep[]): Promise<boolean> {
  const rows = steps.map((s) => stepRow(held, s.seq, s.step));
  const state = await executionLeaseQueries.checkpointUnderLease(db, held, rows);
  if (state === 'lost') throw new LeaseLostError(`execution ${held.id}`);

  return state === 'cancel';
}

export const appendStep = (db: TDatabase, held: THeld, numbered: { seq: number; step: TStepRecord }) => appendSteps(db, held, [numbered]);
