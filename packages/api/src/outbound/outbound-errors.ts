/**
 * Errors thrown by the outbound HTTP sender. Each carries a stable `code` and says whether a retry may
 * help (`retryable`); `kind` follows the api package's error kinds ('operational' = transient).
 */
export type TOutboundErrorCode =
  | 'SSRF_BLOCKED'
  | 'HTTP_TIMEOUT'
  | 'HTTP_NETWORK'
  | 'HTTP_STATUS'
  | 'TOO_MANY_REDIRECTS'
  | 'URL_SCHEME_NOT_ALLOWED'
  | 'URL_INVALID'
  | 'HTTP_INVALID_REQUEST';

export type TOutboundErrorDetails = {
  retryable?: boolean;
  /** The upstream response status, for `HTTP_STATUS`. */
  status?: number;
  /** The upstream response body (parsed JSON or text, capped), for `HTTP_STATUS`. */
  body?: unknown;
  headers?: Record<string, string>;
  retryAfterMs?: number;
  cause?: unknown;
};

export class OutboundError extends Error {
  readonly kind: 'user' | 'operational';
  readonly retryable: boolean;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: TOutboundErrorCode,
    message: string,
    details: TOutboundErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OutboundError';
    this.retryable = details.retryable ?? false;
    this.kind = this.retryable ? 'operational' : 'user';
    this.status = details.status;
    this.body = details.body;
    this.headers = details.headers;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The address a connection would have dialled is loopback, private, metadata… and not allow-listed. */
export class SsrfBlockedError extends OutboundError {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super('SSRF_BLOCKED', `Blocked outbound request: host "${host}" resolves to ${address}, a non-public address (SSRF guard)`);
    this.name = 'SsrfBlockedError';
  }
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const at = Date.parse(text);

  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
