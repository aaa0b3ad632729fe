/**
 * Every package's errors, mapped onto the one code table (`error-codes.ts`). `ensureAppError` calls
 * `describePackageError` first; what it does not know becomes INTERNAL.
 */
import {
  CatalogueError,
  ClockifyApiError,
  ClockifyCircuitOpenError,
  ClockifyError,
  ClockifyRateLimitedError,
  ClockifyRedirectError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
  ClockifyValidationError,
} from '@uw/clockify';
import { ExpressionError, FlowError } from '@uw/flow-engine';

import type { TErrorCode, TErrorKind } from './error-codes';
import { OutboundError } from './outbound/outbound-errors';
import { StepError } from './services/queue/step-error';

/** What an AppError is built from. */
export type TErrorInit = { code: TErrorCode; message: string; kind?: TErrorKind; details?: Record<string, unknown> };

const CLOCKIFY_STATUS: Record<number, { code: TErrorCode; hint: string }> = {
  401: { code: 'CLOCKIFY_UNAUTHORIZED', hint: "Clockify no longer accepts the add-on's token: reinstall the add-on in Clockify" },
  403: { code: 'CLOCKIFY_FORBIDDEN', hint: 'Clockify refused it: the add-on or this user lacks that permission in Clockify' },
  404: { code: 'CLOCKIFY_NOT_FOUND', hint: 'Clockify has no such resource' },
};

const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000)));

function describeClockifyError(err: ClockifyError): TErrorInit {
  const details: Record<string, unknown> = { clockifyCode: err.code };
  if (err instanceof ClockifyValidationError) {
    return { code: 'VALIDATION_FAILED', message: err.message, details: { ...details, problems: err.issues } };
  }
  if (err instanceof ClockifyApiError) {
    const known = CLOCKIFY_STATUS[err.status];
    const message = known ? `${known.hint} (${err.message})` : `Clockify refused the request (${err.message})`;

    return { code: known?.code ?? 'CLOCKIFY_REJECTED', message, details: { ...details, status: err.status } };
  }
  if (err instanceof ClockifyRateLimitedError) {
    const retryAfterSeconds = secondsOf(err.retryAfterMs);

    return {
      code: 'CLOCKIFY_RATE_LIMITED',
      message: `Clockify is rate limiting this workspace: ${err.message}`,
      details: { ...details, retryAfterSeconds },
    };
  }
  if (err instanceof ClockifyTimeoutError) {
    return { code: 'CLOCKIFY_TIMEOUT', message: `Clockify did not answer in time: ${err.message}`, details };
  }
  if (err instanceof ClockifyCircuitOpenError) {
    return { code: 'CLOCKIFY_UNAVAILABLE', message: `Clockify is unavailable; calls are paused for a moment: ${err.message}`, details };
  }
  if (err instanceof ClockifyUnavailableError) {
    const n = err.request.attempts;
    const message = `Clockify did not answer after ${n} attempt${n === 1 ? '' : 's'}: ${err.message}`;

    return { code: 'CLOCKIFY_BAD_GATEWAY', message, details: { ...details, status: err.status } };
  }
  const status = err instanceof ClockifyRedirectError ? err.status : undefined;

  return { code: 'CLOCKIFY_BAD_GATEWAY', kind: 'operational', message: `Clockify failed: ${err.message}`, details: { ...details, status } };
}

function describeOutboundError(err: OutboundError): TErrorInit {
  const details = { outboundCode: err.code, status: err.status };
  switch (err.code) {
    case 'SSRF_BLOCKED':
    case 'URL_SCHEME_NOT_ALLOWED':
    case 'URL_INVALID':
    case 'HTTP_INVALID_REQUEST':
      return { code: 'VALIDATION_FAILED', message: err.message, details };
    case 'HTTP_TIMEOUT':
      return { code: 'UPSTREAM_TIMEOUT', message: err.message, details };
    case 'HTTP_NETWORK':
    case 'HTTP_STATUS':
    case 'TOO_MANY_REDIRECTS':
      return { code: 'UPSTREAM_ERROR', kind: err.kind, message: err.message, details };
  }
}

function describeFlowError(err: FlowError): TErrorInit {
  const details: Record<string, unknown> = { ...err.details, flowCode: err.code };
  if (err instanceof ExpressionError) Object.assign(details, { position: err.position, field: err.field });
  switch (err.kind) {
    case 'user':
      return { code: 'VALIDATION_FAILED', message: err.message, details };
    case 'operational':
      return { code: 'UPSTREAM_ERROR', kind: 'operational', message: err.message, details };
    case 'unexpected':
      return { code: 'INTERNAL', message: err.message, details };
  }
}

/** The code, kind and message for an error another package (or the queue) threw; null when it is none of theirs. */
export function describePackageError(err: unknown): TErrorInit | null {
  if (err instanceof ClockifyError) return describeClockifyError(err);
  if (err instanceof CatalogueError) return { code: 'SERVICE_UNAVAILABLE', message: err.message };
  if (err instanceof OutboundError) return describeOutboundError(err);
  if (err instanceof FlowError) return describeFlowError(err);
  if (err instanceof StepError) {
    const details = { stepCode: err.code, status: err.details.status };

    return { code: 'UPSTREAM_ERROR', kind: err.retryable ? 'operational' : 'user', message: err.message, details };
  }

  return null;
}
