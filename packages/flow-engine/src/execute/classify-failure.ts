import { FlowError } from '../errors';
import type { TStepResponse } from '../ports';
import type { TStepError } from './execution-types';

export type TFailure = { status: 'failed'; error: TStepError } | { status: 'retry'; error: TStepError; retryAfterMs?: number };

type TThrown = {
  retryable?: unknown;
  kind?: unknown;
  retryAfterMs?: unknown;
  code?: unknown;
  message?: unknown;
  status?: unknown;
  body?: unknown;
};

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
/** Statuses worth another attempt later: timeout, too early, rate limited, server errors. */
const isRetryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** Any thrown value → plain error data; `ExpressionError`s keep their code, field and position. */
export function toStepError(thrown: unknown): TStepError {
  if (thrown instanceof FlowError) {
    const extra = thrown as FlowError & { field?: string; position?: number };

    return {
      code: thrown.code,
      message: thrown.message,
      kind: thrown.kind,
      field: extra.field,
      position: extra.position,
      details: thrown.details,
    };
  }
  const value: TThrown = typeof thrown === 'object' && thrown !== null ? (thrown as TThrown) : {};
  const isTransient = value.retryable === true || value.kind === 'operational';
  const fallback = isTransient ? 'STEP_UNAVAILABLE' : 'STEP_FAILED';

  return {
    code: typeof value.code === 'string' && CODE_PATTERN.test(value.code) ? value.code : fallback,
    message: typeof value.message === 'string' ? value.message : String(thrown),
    kind: isTransient ? 'operational' : value.kind === 'unexpected' ? 'unexpected' : 'user',
    httpStatus: typeof value.status === 'number' ? value.status : undefined,
    body: value.body,
  };
}

/** A port threw: `retryable: true` or `kind: 'operational'` → retry later, anything else → failed. */
export function classifyThrown(thrown: unknown): TFailure {
  const error = toStepError(thrown);
  if (error.kind !== 'operational') {
    return { status: 'failed', error };
  }
  const delay = (thrown as TThrown).retryAfterMs;

  return typeof delay === 'number' && delay >= 0 ? { status: 'retry', error, retryAfterMs: delay } : { status: 'retry', error };
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  const seconds = entry ? Number(entry[1]) : Number.NaN;

  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * A port answered: below 400 is success (undefined). 408/425/429/5xx → retry (honouring a
 * `Retry-After` in seconds; the caller caps it); other 4xx → failed with UPSTREAM_STATUS.
 */
export function classifyResponse(response: TStepResponse): TFailure | undefined {
  if (response.status < 400) {
    return undefined;
  }
  const isTransient = isRetryableStatus(response.status);
  const error: TStepError = {
    code: 'UPSTREAM_STATUS',
    message: `the endpoint answered HTTP ${response.status}`,
    kind: isTransient ? 'operational' : 'user',
    httpStatus: response.status,
    body: response.body,
  };
  if (!isTransient) {
    return { status: 'failed', error };
  }
  const delay = retryAfterMs(response.headers);

  return delay === undefined ? { status: 'retry', error } : { status: 'retry', error, retryAfterMs: delay };
}
