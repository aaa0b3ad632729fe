/**
 * What the engine needs from the outside world, as plain structural types (no I/O libraries, no
 * Node types). The server implements them over `@uw/clockify`, its SSRF-guarded HTTP client and the
 * execution journal in the database; tests pass fakes.
 */
import type { TStepOutput } from './model/flow-context-schema';
import type { THttpMethod } from './model/node-schemas';

export type TMaybePromise<T> = T | Promise<T>;

/**
 * A Clockify call by operationId. `path.workspaceId` is always present: mapped by the flow, or bound by
 * the engine to `context.workspace.id` when the flow leaves it unmapped. The adapter must still refuse a
 * workspace other than the installation's, and ignore the key for operations without that parameter.
 */
export type TClockifyRequest = {
  operationId: string;
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
};

/** A generic HTTP call. A string `body` is sent as is; anything else is sent as JSON by the adapter. */
export type THttpRequest = {
  method: THttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
};

export type TStepRequest = TClockifyRequest | THttpRequest;

/** What a port returns. Adapters may add fields (latency, attempts); the journal keeps them. */
export type TStepResponse = TStepOutput;

/** Identifies the step a port call belongs to, e.g. to derive an idempotency key with the execution id. */
export type TStepMeta = { nodeId: string };

/**
 * Ports return the response or throw. A thrown error with `retryable: true` or `kind: 'operational'` is
 * transient (the execution is rescheduled, `retryAfterMs` honoured); anything else fails the execution.
 * A returned response with status ≥ 400 is classified by the engine (see `classifyResponse`).
 */
export type TClockifyPort = { execute(request: TClockifyRequest, meta: TStepMeta): Promise<TStepResponse> };
export type THttpPort = { send(request: THttpRequest, meta: TStepMeta): Promise<TStepResponse> };
export type TFlowPorts = { clockify: TClockifyPort; http: THttpPort };

export type TJournalEntry =
  | { nodeId: string; kind: 'condition'; result: boolean }
  | { nodeId: string; kind: 'clockify' | 'http'; status: 'succeeded'; request: TStepRequest; response: TStepResponse }
  | { nodeId: string; kind: 'clockify' | 'http'; status: 'dry-run'; request: TStepRequest };

/**
 * The execution's durable step log (RELIABILITY §5). `completed` gives back the output of an action
 * that already succeeded in an earlier attempt, so a resumed execution never re-sends it. `started` is
 * written before a request leaves; a step with `started` but no success may have been delivered
 * (at-least-once), which the caller can surface. Errors thrown by the journal propagate to the caller.
 */
export type TFlowJournal = {
  completed(nodeId: string): TMaybePromise<TStepOutput | undefined>;
  started(nodeId: string, request: TStepRequest): TMaybePromise<void>;
  record(entry: TJournalEntry): TMaybePromise<void>;
};
