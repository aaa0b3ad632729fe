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

/**
 * Identifies the step a port call belongs to. `key` is the journal key (`nodeId`, or `nodeId#2` for
 * loop item 2, `nodeId#2.0` in nested loops); `idempotencyKey` is `<executionId>:<key>`, the same on
 * every retry and resume of that step: HTTP requests already carry it as `Idempotency-Key` (unless the
 * flow sets that header), Clockify adapters should record it with the call.
 */
export type TStepMeta = { nodeId: string; key?: string; idempotencyKey?: string };

/**
 * Ports return the response or throw. A thrown error with `retryable: true` or `kind: 'operational'` is
 * transient (the execution is rescheduled, `retryAfterMs` honoured); anything else fails the execution.
 * A returned response with status ≥ 400 is classified by the engine (see `classifyResponse`).
 */
export type TClockifyPort = { execute(request: TClockifyRequest, meta: TStepMeta): Promise<TStepResponse> };
export type THttpPort = { send(request: THttpRequest, meta: TStepMeta): Promise<TStepResponse> };
export type TFlowPorts = { clockify: TClockifyPort; http: THttpPort };

type TEntryBase = {
  nodeId: string;
  /** The step key (`stepKey`): the node id at the top level, `nodeId#<item path>` inside loops. */
  key: string;
};

/**
 * What the engine journals, for every node kind. Decisions (condition, switch, set, loop items, wait)
 * are given back by `TFlowJournal.recorded` on a resumed run, so the run takes the same way even when
 * an expression reads the clock; actions are given back by `completed`.
 */
export type TJournalEntry = TEntryBase &
  (
    | { kind: 'condition'; result: boolean }
    | {
        kind: 'clockify' | 'http';
        status: 'succeeded';
        request: TStepRequest;
        response: TStepResponse;
        idempotencyKey?: string;
      }
    | { kind: 'clockify' | 'http'; status: 'dry-run'; request: TStepRequest; idempotencyKey?: string }
    /** The case id taken, or `default`. */
    | { kind: 'switch'; branch: string }
    | { kind: 'set'; values: Record<string, unknown> }
    /** The loop's items, evaluated once (key: the loop's step key). */
    | { kind: 'forEach'; status: 'items'; items: unknown[] }
    /** One item finished; `result` is what `steps.<loop>.results[index]` holds (key: `loopId#<path>`). */
    | { kind: 'forEach'; status: 'item'; index: number; result: unknown }
    /** `parked` when first reached with `until` in the future; `resumed` once `until` has passed. */
    | { kind: 'wait'; status: 'parked' | 'resumed'; until: string }
  );

/** The kinds whose entries `recorded` must give back (actions come back through `completed`). */
export type TDecisionEntry = Extract<TJournalEntry, { kind: 'condition' | 'switch' | 'set' | 'forEach' | 'wait' }>;

/**
 * The execution's durable step log (RELIABILITY §5), keyed by step key (the node id outside loops, so
 * journals written before loops existed read the same). `completed` gives back the output of an
 * action that already succeeded in an earlier attempt, so a resumed execution never re-sends it.
 * `started` is written before a request leaves; a step with `started` but no success may have been
 * delivered (at-least-once), which the caller can surface. `recorded` gives back the latest decision
 * entry recorded under a key (for `forEach` the `items` entry under the loop's key, `item` entries under
 * `loopId#<path>`; for `wait` the latest of parked/resumed); without it decisions are evaluated again
 * and a flow with a wait cannot run (`WAIT_UNSUPPORTED`). Errors thrown by the journal propagate.
 */
export type TFlowJournal = {
  completed(key: string): TMaybePromise<TStepOutput | undefined>;
  started(key: string, request: TStepRequest, meta?: TStepMeta): TMaybePromise<void>;
  record(entry: TJournalEntry): TMaybePromise<void>;
  recorded?(key: string): TMaybePromise<TDecisionEntry | undefined>;
};
