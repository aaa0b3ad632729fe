/**
 * Three kinds of error (user, operational, unexpected) with stable codes, and the one table that maps
 * codes to HTTP statuses. tRPC and Express both translate through it.
 */
import { isDatabaseUnavailable } from '@uw/db';

/** Seconds a sender is asked to wait when the database is briefly unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type ErrorKind = 'user' | 'operational' | 'unexpected';

export const CODE_TO_HTTP = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNKNOWN_EVENT_TYPE: 400,
  UNAUTHORIZED: 401,
  SIGNATURE_INVALID: 401,
  FORBIDDEN: 403,
  WORKSPACE_INACTIVE: 403,
  FEATURE_DISABLED: 403,
  WORKSPACE_MISMATCH: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof CODE_TO_HTTP;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = `${kind[0]!.toUpperCase()}${kind.slice(1)}Error`;
  }

  get status(): number {
    return CODE_TO_HTTP[this.code];
  }
}

export class UserError extends AppError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('user', code, message, details);
  }
}

export class OperationalError extends AppError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('operational', code, message, details);
  }
}

export class UnexpectedError extends AppError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('unexpected', 'INTERNAL', message);
  }
}

export function ensureAppError(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  if (isDatabaseUnavailable(err)) {
    return new OperationalError('SERVICE_UNAVAILABLE', 'the database is unavailable right now; retry later', {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }

  return new UnexpectedError(err instanceof Error ? err.message : String(err), err);
}

export const notFound = (what: string) => new UserError('NOT_FOUND', `${what} not found`);
