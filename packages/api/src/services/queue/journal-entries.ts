import type { TDecisionEntry, TJournalEntry, TStepRequest } from '@uw/flow-engine';

import type { TStepRecord, TStoredStep } from './journal';

/** Step kinds whose rows hold an engine decision (the entry itself is the row's `response`). */
const DECISION_KINDS = new Set(['condition', 'switch', 'set', 'forEach', 'wait']);

function decisionStatus(entry: TDecisionEntry): string {
  switch (entry.kind) {
    case 'condition':
      return entry.result ? 'passed' : 'blocked';
    case 'switch':
      return 'switched';
    case 'set':
      return 'set';
    case 'forEach':
    case 'wait':
      return entry.status;
  }
}

/**
 * The latest decision recorded under a step key in earlier runs (`TFlowJournal.recorded`). Rows are
 * keyed by `node_id`, which holds the step key (the node id outside loops, `nodeId#<item path>` inside).
 */
export function recordedDecision(steps: readonly TStoredStep[], key: string): TDecisionEntry | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step?.nodeId === key && DECISION_KINDS.has(step.kind)) {
      const entry = step.response as Partial<TDecisionEntry> | null;

      return entry?.kind === step.kind ? (entry as TDecisionEntry) : undefined;
    }
  }

  return undefined;
}

const isDecision = (entry: TJournalEntry): entry is TDecisionEntry => entry.kind !== 'clockify' && entry.kind !== 'http';

/** Engine journal entries → step rows: decisions with the entry as response, actions with request, response, latency and idempotency key. */
export function toStepRecord(
  entry: TJournalEntry,
  run: {
    attemptOf: (key: string) => number;
    sent: Map<string, { request: TStepRequest; at: number }>;
    metrics: { stepFinished(kind: string, status: string, seconds: number): void };
  },
): TStepRecord {
  const { attemptOf, sent, metrics } = run;
  if (isDecision(entry)) {
    return { nodeId: entry.key, kind: entry.kind, status: decisionStatus(entry), response: entry };
  }
  const started = sent.get(entry.key);
  const latencyMs = started ? Date.now() - started.at : null;
  if (latencyMs !== null) metrics.stepFinished(entry.kind, entry.status, latencyMs / 1000);

  return {
    nodeId: entry.key,
    kind: entry.kind,
    status: entry.status,
    attempt: attemptOf(entry.key),
    request: entry.request,
    response: entry.status === 'succeeded' ? entry.response : null,
    idempotencyKey: entry.idempotencyKey ?? null,
    latencyMs,
  };
}
