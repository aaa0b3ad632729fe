/**
 * The one table of error codes: each code's HTTP status (REST routes, webhooks, the OpenAPI document) and
 * tRPC code (procedures), and the kind it usually has. Every package's errors are mapped onto these codes
 * (`error-mapping.ts`); nothing else chooses a status.
 */
import type { TRPCError } from '@trpc/server';

/**
 * user: the request is wrong or not allowed; retrying the same request will not help.
 * operational: transient (a dependency is down, slow or throttling); worth retrying later.
 * unexpected: a bug; answered as "internal error" and logged with its stack.
 */
export type TErrorKind = 'user' | 'operational' | 'unexpected';

type TCodeEntry = { http: number; trpc: TRPCError['code']; kind: TErrorKind };

export const ERROR_CODES = {
  BAD_REQUEST: { http: 400, trpc: 'BAD_REQUEST', kind: 'user' },
  VALIDATION_FAILED: { http: 400, trpc: 'BAD_REQUEST', kind: 'user' },
  INVALID_JSON: { http: 400, trpc: 'BAD_REQUEST', kind: 'user' },
  INVALID_BODY: { http: 400, trpc: 'BAD_REQUEST', kind: 'user' },
  UNKNOWN_EVENT_TYPE: { http: 400, trpc: 'BAD_REQUEST', kind: 'user' },
  UNAUTHORIZED: { http: 401, trpc: 'UNAUTHORIZED', kind: 'user' },
  SIGNATURE_INVALID: { http: 401, trpc: 'UNAUTHORIZED', kind: 'user' },
  FORBIDDEN: { http: 403, trpc: 'FORBIDDEN', kind: 'user' },
  WORKSPACE_INACTIVE: { http: 403, trpc: 'FORBIDDEN', kind: 'user' },
  FEATURE_DISABLED: { http: 403, trpc: 'FORBIDDEN', kind: 'user' },
  WORKSPACE_MISMATCH: { http: 403, trpc: 'FORBIDDEN', kind: 'user' },
  NOT_FOUND: { http: 404, trpc: 'NOT_FOUND', kind: 'user' },
  CONFLICT: { http: 409, trpc: 'CONFLICT', kind: 'user' },
  PAYLOAD_TOO_LARGE: { http: 413, trpc: 'PAYLOAD_TOO_LARGE', kind: 'user' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE', kind: 'user' },
  PRECONDITION_REQUIRED: { http: 428, trpc: 'PRECONDITION_REQUIRED', kind: 'user' },
  RATE_LIMITED: { http: 429, trpc: 'TOO_MANY_REQUESTS', kind: 'operational' },
  /** An HTTP action's target failed (status, network, redirects). */
  UPSTREAM_ERROR: { http: 502, trpc: 'BAD_GATEWAY', kind: 'operational' },
  UPSTREAM_TIMEOUT: { http: 504, trpc: 'GATEWAY_TIMEOUT', kind: 'operational' },
  SERVICE_UNAVAILABLE: { http: 503, trpc: 'SERVICE_UNAVAILABLE', kind: 'operational' },
  /** Clockify refused the add-on's installation token (401): reinstalling the add-on issues a new one. */
  CLOCKIFY_UNAUTHORIZED: { http: 401, trpc: 'UNAUTHORIZED', kind: 'user' },
  /** Clockify refused the call (403): the add-on or the user lacks the permission in Clockify. */
  CLOCKIFY_FORBIDDEN: { http: 403, trpc: 'FORBIDDEN', kind: 'user' },
  CLOCKIFY_NOT_FOUND: { http: 404, trpc: 'NOT_FOUND', kind: 'user' },
  /** Clockify refused the request itself (400, 409, 422 …). */
  CLOCKIFY_REJECTED: { http: 422, trpc: 'UNPROCESSABLE_CONTENT', kind: 'user' },
  CLOCKIFY_RATE_LIMITED: { http: 429, trpc: 'TOO_MANY_REQUESTS', kind: 'operational' },
  /** Clockify answered 5xx, redirected, or could not be reached. */
  CLOCKIFY_BAD_GATEWAY: { http: 502, trpc: 'BAD_GATEWAY', kind: 'operational' },
  /** Clockify failed so often that calls to it are paused for a while (open circuit). */
  CLOCKIFY_UNAVAILABLE: { http: 503, trpc: 'SERVICE_UNAVAILABLE', kind: 'operational' },
  CLOCKIFY_TIMEOUT: { http: 504, trpc: 'GATEWAY_TIMEOUT', kind: 'operational' },
  INTERNAL: { http: 500, trpc: 'INTERNAL_SERVER_ERROR', kind: 'unexpected' },
} as const satisfies Record<string, TCodeEntry>;

export type TErrorCode = keyof typeof ERROR_CODES;

/** Code → HTTP status (derived from `ERROR_CODES`). */
export const CODE_TO_HTTP = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, e]) => [code, e.http])) as {
  readonly [TCode in TErrorCode]: (typeof ERROR_CODES)[TCode]['http'];
};

/** Code → tRPC code (derived from `ERROR_CODES`). */
export const CODE_TO_TRPC = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, e]) => [code, e.trpc])) as {
  readonly [TCode in TErrorCode]: (typeof ERROR_CODES)[TCode]['trpc'];
};
