import type { Catalogue, HttpMethod } from './catalogue-types';
import type { RateLimiter } from './rate-limiter';
import type { BreakerRegistry } from './retry';

/** pino-compatible: `(obj, msg)`. Every method is optional. */
export type ClockifyLogger = {
  debug?(obj: unknown, msg?: string): void;
  info?(obj: unknown, msg?: string): void;
  warn?(obj: unknown, msg?: string): void;
  error?(obj: unknown, msg?: string): void;
};

export type ClockifyClientOptions = {
  /** The OpenAPI catalogue; `null` (not loaded) makes `execute` fail with a validation error, `request` still works. */
  catalogue: Catalogue | null;
  /** The token's `backendUrl`, e.g. `https://api.clockify.me/api`; operation paths (`/v1/...`) are appended. */
  apiUrl: string;
  /** The token's `reportsUrl`, e.g. `https://reports.api.clockify.me`; used by reports operations. */
  reportsUrl?: string | null;
  /** Sent as `X-Addon-Token`. Never logged. */
  token: string;
  /** Rate-limit and circuit-breaker key, normally the workspace id. */
  workspaceKey: string;
  /** Requests per second for this workspace; capped at Clockify's 50. */
  maxRps?: number;
  rateLimiter: RateLimiter;
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
  breakers?: BreakerRegistry;
  logger?: ClockifyLogger;
};

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export type ExecuteInput = {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
};

/** A call by path, outside the catalogue (e.g. add-on endpoints the OpenAPI document lacks). Not validated. */
export type RawRequest = {
  method: HttpMethod;
  /** Already filled in, starting with `/`, e.g. `/v1/workspaces/abc/webhooks`. */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  host?: 'api' | 'reports';
};

export type CallOptions = { signal?: AbortSignal };

export type ClockifyResponse = {
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

export type PaginateOptions = {
  pageSize?: number;
  /** Safety stop; default 1000 pages. */
  maxPages?: number;
  /** Where the items are in a page body; default: the body if it is an array, else its first array property. */
  itemsOf?: (body: unknown) => unknown[];
};

export type PageResult = { page: number; items: unknown[]; response: ClockifyResponse };

export type ClockifyClient = {
  execute(operationId: string, input?: ExecuteInput, opts?: CallOptions): Promise<ClockifyResponse>;
  paginate(operationId: string, input?: ExecuteInput, opts?: PaginateOptions & CallOptions): AsyncIterable<PageResult>;
  request(req: RawRequest, opts?: CallOptions): Promise<ClockifyResponse>;
};
