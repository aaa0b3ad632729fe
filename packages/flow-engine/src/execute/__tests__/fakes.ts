import { vi } from 'vitest';

import type { TFlowContext, TStepOutput } from '../../model/flow-context-schema';
import type { TClockifyRequest, TFlowJournal, THttpRequest, TJournalEntry, TStepMeta, TStepRequest, TStepResponse } from '../../ports';

/** An in-memory journal that remembers every call, seeded with outputs of steps that "already ran". */
export function createFakeJournal(completed: Record<string, TStepOutput> = {}) {
  const entries: TJournalEntry[] = [];
  const started: { nodeId: string; request: TStepRequest }[] = [];
  const journal: TFlowJournal = {
    completed: (nodeId) => completed[nodeId],
    started: async (nodeId, request) => {
      started.push({ nodeId, request });
    },
    record: async (entry) => {
      entries.push(entry);
      if (entry.kind !== 'condition' && entry.status === 'succeeded') {
        completed[entry.nodeId] = { status: entry.response.status, body: entry.response.body, headers: entry.response.headers };
      }
    },
  };

  return { journal, entries, started, completed };
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
