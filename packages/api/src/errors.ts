/**
 * The api's errors: three kinds (user, operational, unexpected) with stable codes from the one table in
 * `error-codes.ts`. tRPC (`trpc.ts`), Express (`error-handler.ts`) and REST translate through it, and
 * `ensureAppError` maps every package's errors onto it (`error-mapping.ts`).
 */
import { isDatabaseUnavailable } from '@uw/db';

import { ERROR_CODES, type TErrorCode, type TErrorKind } from './error-codes';
import { describePackageError } from './error-mapping';

export { CODE_TO_HTTP, CODE_TO_TRPC, ERROR_CODES, type TErrorCode, type TErrorKind } from './error-codes';

/** Seconds a sender is asked to wait when the database is briefly unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type TAppErrorOptions = { kind?: TErrorKind; details?: Record<string, unknown>; cause?: unknown };

export class AppError extends Error {
  readonly kind: TErrorKind;
  readonly details?: Record<string, unknown>;

  /** `kind` defaults to the code's usual kind; `cause` keeps the original error (and its stack) for the logs. */
  constructor(
    readonly code: TErrorCode,
    message: string,
    options: TAppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind ?? ERROR_CODES[code].kind;
    this.details = options.details;
    this.name = `${this.kind[0]!.toUpperCase()}${this.kind.slice(1)}Error`;
  }

  get status(): number {
    return ERROR_CODES[this.code].http;
  }
}

export class UserError extends AppError {
  constructor(code: TErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { kind: 'user', details });
  }
}

export class OperationalError extends AppError {
  constructor(code: TErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { kind: 'operational', details });
  }
}

export class UnexpectedError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('INTERNAL', message, { kind: 'unexpected', cause });
  }
}

/** Any thrown value as an AppError: ours as they are, other packages' mapped by code, the rest INTERNAL. */
export function ensureAppError(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError('SERVICE_UNAVAILABLE', 'the database is unavailable right now; retry later', {
      details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      cause: err,
    });
  }
  const known = describePackageError(err);
  if (known) {
    return new AppError(known.code, known.message, { kind: known.kind, details: known.details, cause: err });
  }

  return new UnexpectedError(err instanceof Error ? err.message : String(err), err);
}

export const notFound = (what: string) => new UserError('NOT_FOUND', `${what} not found`);
