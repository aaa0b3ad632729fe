/**
 * Errors of the Clockify client. Each has a stable `code`, a `kind` (user: the request is wrong and
 * retrying will not help; operational: transient, worth retrying later) and `retryable`.
 */
export type TClockifyErrorKind = 'user' | 'operational' | 'unexpected';

export type TClockifyErrorCode =
  | 'CLOCKIFY_VALIDATION'
  | 'CLOCKIFY_API_ERROR'
  | 'CLOCKIFY_REDIRECT'
  | 'CLOCKIFY_UNAVAILABLE'
  | 'CLOCKIFY_NETWORK'
  | 'CLOCKIFY_TIMEOUT'
  | 'CLOCKIFY_RATE_LIMITED'
  | 'CLOCKIFY_CIRCUIT_OPEN';

export type TRequestInfo = { method: string; url: string; attempts: number };

export abstract class ClockifyError extends Error {
  abstract readonly code: TClockifyErrorCode;
  abstract readonly kind: TClockifyErrorKind;
  abstract readonly retryable: boolean;
}

/** The call was refused before sending: unknown operation, missing/invalid parameters or body. */
export class ClockifyValidationError extends ClockifyError {
  readonly code = 'CLOCKIFY_VALIDATION';
  readonly kind = 'user';
  readonly retryable = false;

  constructor(
    message: string,
    readonly issues: string[] = [],
    readonly operationId?: string,
  ) {
    super(message);
    this.name = 'ClockifyValidationError';
  }
}

/** Clockify answered 4xx (other than 429): the request itself is wrong; `body` is Clockify's error body. */
export class ClockifyApiError extends ClockifyError {
  readonly code = 'CLOCKIFY_API_ERROR';
  readonly kind = 'user';
  readonly retryable = false;

  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly request: TRequestInfo,
  ) {
    super(`Clockify answered ${status} to ${request.method} ${request.url}${describeBody(body)}`);
    this.name = 'ClockifyApiError';
  }
}

/** Clockify answered with a redirect. Never followed: the token would travel to the new location. */
export class ClockifyRedirectError extends ClockifyError {
  readonly code = 'CLOCKIFY_REDIRECT';
  readonly kind = 'unexpected';
  readonly retryable = false;

  constructor(
    readonly status: number,
    readonly location: string | null,
    readonly request: TRequestInfo,
  ) {
    super(
      `Clockify answered ${status} redirecting ${request.method} ${request.url} to ${location ?? '(no location)'}; redirects are not followed (check the API base URL)`,
    );
    this.name = 'ClockifyRedirectError';
  }
}

/** Transient failure (5xx, network, timeout, 429, open circuit), after the client's own retries. */
export class ClockifyUnavailableError extends ClockifyError {
  code: TClockifyErrorCode = 'CLOCKIFY_UNAVAILABLE';
  readonly kind = 'operational';
  retryable = true;

  readonly status?: number;
  readonly body?: unknown;

  /** `answer`: Clockify's status and body when it answered; `cause`: the transport error when it did not. */
  constructor(
    message: string,
    readonly request: TRequestInfo,
    answer: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, answer.cause === undefined ? undefined : { cause: answer.cause });
    this.name = 'ClockifyUnavailableError';
    this.status = answer.status;
    this.body = answer.body;
  }
}

export class ClockifyNetworkError extends ClockifyUnavailableError {
  override code: TClockifyErrorCode = 'CLOCKIFY_NETWORK';
  override name = 'ClockifyNetworkError';
}

export class ClockifyTimeoutError extends ClockifyUnavailableError {
  override code: TClockifyErrorCode = 'CLOCKIFY_TIMEOUT';
  override name = 'ClockifyTimeoutError';
}

export class ClockifyCircuitOpenError extends ClockifyUnavailableError {
  override code: TClockifyErrorCode = 'CLOCKIFY_CIRCUIT_OPEN';
  override name = 'ClockifyCircuitOpenError';
}

/**
 * 429 from Clockify. `retryAfterMs` is what Clockify asked for (if it said). When that exceeds the
 * client's cap the error is not retryable: the caller fails clearly instead of sleeping for hours.
 */
export class ClockifyRateLimitedError extends ClockifyUnavailableError {
  override code: TClockifyErrorCode = 'CLOCKIFY_RATE_LIMITED';
  override name = 'ClockifyRateLimitedError';

  readonly retryAfterMs: number | undefined;

  constructor(message: string, request: TRequestInfo, answer: { body: unknown; retryAfterMs: number | undefined; retryable: boolean }) {
    super(message, request, { status: 429, body: answer.body });
    this.retryAfterMs = answer.retryAfterMs;
    this.retryable = answer.retryable;
  }
}

function describeBody(body: unknown): string {
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : typeof body === 'string' ? body : undefined;

  return typeof message === 'string' && message ? `: ${message.slice(0, 300)}` : '';
}

/** Is this worth another attempt inside the client? */
export const isRetryableError = (err: unknown): boolean =>
  err instanceof ClockifyUnavailableError && err.retryable && !(err instanceof ClockifyCircuitOpenError);
