import type { TCatalogue, TOperationMethod } from './catalogue-types';
import type { TRateLimiter } from './rate-limiter';
import type { TBreakerRegistry } from './retry';
import type { TTransport } from './transport';

/** pino-compatible: `(obj, msg)`. Every method is optional. */
export type TClockifyLogger = {
  debug?(obj: unknown, msg?: string): void;
  info?(obj: unknown, msg?: string): void;
  warn?(obj: unknown, msg?: string): void;
  error?(obj: unknown, msg?: string): void;
};

export type TClockifyClientOptions = {
  /** The OpenAPI catalogue; `null` (not loaded) makes `execute` fail with a validation error, `request` still works. */
  catalogue: TCatalogue | null;
  /** The token's `backendUrl`, e.g. `https://api.clockify.me/api`; operation paths (`/v1/...`) are appended. */
  apiUrl: string;
  /** The token's `reportsUrl`, e.g. `https://reports.api.clockify.me`; used by reports operations. */
  reportsUrl?: string | null;
  /** Sent as `X-Addon-Token`. Never logged. */
  token: string;
  /** Rate-limit and circuit-breaker key, normally the workspace id. */
  workspaceKey: string;
  /**
   * Requests per second for this workspace; capped at Clockify's 50. A function is asked before every
   * attempt, so a long-lived client (a bootstrap) follows a limit changed while it runs.
   */
  maxRps?: number | (() => number);
  rateLimiter: TRateLimiter;
  /** How requests reach Clockify; default: node:http/https with keep-alive agents shared by the process. */
  transport?: TTransport;
  /** A fetch to send through instead (tests); ignored when `transport` is given. */
  fetch?: typeof fetch;
  /** Per attempt, from sending to the end of the body. Default 30 s. */
  timeoutMs?: number;
  /** Total attempts including the first (so 1 or 0 = no retry). Default 4. */
  maxAttempts?: number;
  /** First retry delay before jitter; default 250 ms. Delays grow exponentially up to `retryMaxDelayMs` (default 10 s). */
  retryInitialDelayMs?: number;
  retryMaxDelayMs?: number;
  /** The longest `Retry-After` the client honours by waiting; beyond it a 429 fails at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Circuit breakers by workspace key; defaults to one registry shared by the process. */
  breakers?: TBreakerRegistry;
  logger?: TClockifyLogger;
};

export type TQueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export type TExecuteInput = {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
};

/** A call by path, outside the catalogue (e.g. add-on endpoints the OpenAPI document lacks). Not validated. */
export type TRawRequest = {
  method: TOperationMethod;
  /** Already filled in, starting with `/`, e.g. `/v1/workspaces/abc/webhooks`. */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  host?: 'api' | 'reports';
};

export type TCallOptions = { signal?: AbortSignal };

export type TClockifyResponse = {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, the text when it is not JSON, or `null` when empty. */
  body: unknown;
  /** From the first attempt to the answer, including retries and rate-limit waits. */
  latencyMs: number;
  attempts: number;
  url: string;
  method: string;
};

export type TPaginateOptions = {
  pageSize?: number;
  /** Safety stop; default 1000 pages. */
  maxPages?: number;
  /** Where the items are in a page body; default: the body if it is an array, else its first array property. */
  itemsOf?: (body: unknown) => unknown[];
};

export type TPageResult = { page: number; items: unknown[]; response: TClockifyResponse };

export type TClockifyClient = {
  execute(operationId: string, input?: TExecuteInput, opts?: TCallOptions): Promise<TClockifyResponse>;
  paginate(operationId: string, input?: TExecuteInput, opts?: TPaginateOptions & TCallOptions): AsyncIterable<TPageResult>;
  request(req: TRawRequest, opts?: TCallOptions): Promise<TClockifyResponse>;
};
