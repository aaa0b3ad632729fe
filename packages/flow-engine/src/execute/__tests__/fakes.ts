import { vi } from 'vitest';

import type { TFlowContext, TStepOutput } from '../../model/flow-context-schema';
import type {
  TClockifyRequest,
  TDecisionEntry,
  TFlowJournal,
  THttpRequest,
  TJournalEntry,
  TStepMeta,
  TStepRequest,
  TStepResponse,
} from '../../ports';

const isDecision = (entry: TJournalEntry): entry is TDecisionEntry => entry.kind !== 'clockify' && entry.kind !== 'http';

/**
 * An in-memory journal keyed by step key that remembers every call, seeded with outputs of steps that
 * "already ran". `recorded` is there unless `withRecorded: false` (a journal written before decisions were kept).
 */
export function createFakeJournal(completed: Record<string, TStepOutput> = {}, options: { withRecorded?: boolean } = {}) {
  const entries: TJournalEntry[] = [];
  const decisions = new Map<string, TDecisionEntry>();
  const started: { nodeId: string; request: TStepRequest; meta?: TStepMeta }[] = [];
  const journal: TFlowJournal = {
    completed: (key) => completed[key],
    started: async (key, request, meta) => {
      started.push({ nodeId: key, request, ...(meta ? { meta } : {}) });
    },
    record: async (entry) => {
      entries.push(entry);
      if (isDecision(entry)) {
        decisions.set(entry.key, entry);
      } else if (entry.status === 'succeeded') {
        completed[entry.key] = { status: entry.response.status, body: entry.response.body, headers: entry.response.headers };
      }
    },
  };
  if (options.withRecorded !== false) journal.recorded = (key) => decisions.get(key);

  return { journal, entries, started, completed, decisions };
}

type TResponder<TRequest> = (request: TRequest, meta: TStepMeta) => Promise<TStepResponse>;

export function createFakePorts(options: { clockify?: TResponder<TClockifyRequest>; http?: TResponder<THttpRequest> } = {}) {
  const ok = async (): Promise<TStepResponse> => ({ status: 200, headers: {}, body: { ok: true } });
  const clockify = vi.fn(options.clockify ?? ok);
  const http = vi.fn(options.http ?? ok);

  return { ports: { clockify: { execute: clockify }, http: { send: http } }, clockify, http };
}

export function createContext(payload: unknown, overrides: Partial<TFlowContext> = {}): TFlowContext {
  return {
    event: { type: 'NEW_TIME_ENTRY', source: 'clockify', receivedAt: '2026-01-01T00:00:00.000Z', id: 'evt-1' },
    payload,
    headers: {},
    workspace: { id: 'ws-1' },
    steps: {},
    ...overrides,
  };
}

/** The step-meta the engine passes for a top-level node of an execution without an id (keys from the event id). */
export const metaOf = (nodeId: string, executionId = 'evt-1') => ({ nodeId, key: nodeId, idempotencyKey: `${executionId}:${nodeId}` });
