import {
  ClockifyApiError,
  ClockifyNetworkError,
  ClockifyRateLimitedError,
  ClockifyRedirectError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
  ClockifyValidationError,
  type TRequestInfo,
} from './errors';
import { parseRetryAfter } from './retry-after';
import { isRedirect, type TTransport, type TTransportResponse } from './transport';

export type TAttemptRequest = {
  method: string;
  url: string;
  /** The JSON body, serialised once per call by the client. */
  body?: string;
  token: string;
  transport: TTransport;
  timeoutMs: number;
  maxRetryAfterMs: number;
  signal?: AbortSignal;
};

export type TAttemptResult = { status: number; headers: Record<string, string>; body: unknown; url: string; method: string };

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What a failed exchange is: the caller's abort, our timeout (after `timeoutMs`), or the network. */
function transportError(
  err: unknown,
  info: TRequestInfo,
  signals: { timeout: AbortSignal; timeoutMs: number; caller?: AbortSignal },
): Error {
  const { timeout, timeoutMs, caller } = signals;
  if (caller?.aborted) return caller.reason instanceof Error ? caller.reason : new Error('aborted by the caller');
  if (timeout.aborted) {
    return new ClockifyTimeoutError(`Clockify did not answer ${info.method} ${info.url} within ${timeoutMs} ms`, info, { cause: err });
  }
  const cause = (err as Error)?.cause as { code?: string; message?: string } | undefined;
  const reason = cause?.code ?? (err as { code?: string })?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);

  return new ClockifyNetworkError(`cannot reach Clockify for ${info.method} ${info.url}: ${reason}`, info, { cause: err });
}

/** One HTTP exchange with Clockify, classified: a 2xx result, or the error kind the retry policy understands. */
export async function sendAttempt(req: TAttemptRequest, attempt: number): Promise<TAttemptResult> {
  const info: TRequestInfo = { method: req.method, url: req.url, attempts: attempt };
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers: Record<string, string> = { 'X-Addon-Token': req.token, accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  let res: TTransportResponse;
  try {
    res = await req.transport({ method: req.method, url: req.url, headers, body: req.body, signal });
  } catch (err) {
    // Already classified: a host the caller's transport refused to dial (SSRF guard).
    if (err instanceof ClockifyValidationError) throw err;

    throw transportError(err, info, { timeout, timeoutMs: req.timeoutMs, caller: req.signal });
  }
  // Never followed: the token would travel to whatever host the Location names.
  if (isRedirect(res)) throw new ClockifyRedirectError(res.status, res.headers.location ?? null, info);
  const body = parseBody(res.text);
  if (res.status === 429) {
    const waitMs = parseRetryAfter(res.headers['retry-after']);
    if (waitMs !== undefined && waitMs > req.maxRetryAfterMs) {
      const msg = `rate limited by Clockify: it asks to wait ${Math.ceil(waitMs / 1000)} s (Retry-After), more than the ${Math.round(req.maxRetryAfterMs / 1000)} s this client waits`;

      throw new ClockifyRateLimitedError(msg, info, { body, retryAfterMs: waitMs, retryable: false });
    }
    const after = waitMs === undefined ? '' : `, retry after ${waitMs} ms`;

    throw new ClockifyRateLimitedError(`rate limited by Clockify (429) on ${req.method} ${req.url}${after}`, info, {
      body,
      retryAfterMs: waitMs,
      retryable: true,
    });
  }
  if (res.status >= 500) {
    throw new ClockifyUnavailableError(`Clockify answered ${res.status} to ${req.method} ${req.url}`, info, { status: res.status, body });
  }
  if (res.status >= 400) throw new ClockifyApiError(res.status, body, info);

  return { status: res.status, headers: res.headers, body, url: req.url, method: req.method };
}
