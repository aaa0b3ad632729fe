import { TRPCError } from '@trpc/server';
import { z } from 'zod';

import { AppError, ensureAppError, UserError, type TErrorCode } from '@uw/api';

/** tRPC's codes for errors that did not start as ours (its own auth check, input validation). */
const TRPC_TO_CODE: Partial<Record<TRPCError['code'], TErrorCode>> = {
  BAD_REQUEST: 'BAD_REQUEST',
  PARSE_ERROR: 'INVALID_JSON',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PRECONDITION_FAILED: 'PRECONDITION_REQUIRED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  BAD_GATEWAY: 'UPSTREAM_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/**
 * A procedure's failure as one of our errors, so the server's error handler answers it with the status of
 * `CODE_TO_HTTP` and `{ error: { code, message } }`. `stripPath` drops the input key a REST body was put under
 * (`data.name` is `name` to a caller who sent `{ name }`).
 */
export function toRestError(err: unknown, stripPath?: string): AppError {
  if (!(err instanceof TRPCError)) return ensureAppError(err);
  if (err.cause instanceof AppError) return err.cause;
  if (err.cause instanceof z.ZodError) return validationError(err.cause, stripPath);
  const code = TRPC_TO_CODE[err.code];

  return code ? new UserError(code, err.message) : ensureAppError(err.cause ?? err);
}

export function validationError(error: z.ZodError, stripPath?: string): UserError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String);
    const shown = stripPath && path[0] === stripPath ? path.slice(1) : path;

    return `${shown.length > 0 ? shown.join('.') : 'input'}: ${issue.message}`;
  });

  return new UserError('VALIDATION_FAILED', issues.join('; '));
}
