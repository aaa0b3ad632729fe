/** Maps failures to stable codes and retryability (429/5xx, network and timeouts are transient). */
import { OutboundError, parseRetryAfter } from './outbound-errors';
import { describeUrl } from './url-policy';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const INVALID_REQUEST_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

type TStatusResponse = { status: number; headers: Record<string, string>; body: unknown };

/** A non-2xx final response: 429 and 5xx are retryable (with Retry-After for 429/503), other 4xx not. */
export function statusError(response: TStatusResponse, url: URL): OutboundError {
  const { status, headers, body } = response;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers['retry-after']) : undefined;

  return new OutboundError('HTTP_STATUS', `HTTP ${status} from ${describeUrl(url)}`, {
    retryable: status === 429 || status >= 500,
    status,
    body,
    headers,
    retryAfterMs,
  });
}

export function toOutboundError(err: unknown, timedOut: boolean, timeoutMs: number): OutboundError {
  if (err instanceof OutboundError) {
    return err;
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (timedOut || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
    return new OutboundError('HTTP_TIMEOUT', `No complete response within ${timeoutMs} ms`, {
      retryable: true,
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && INVALID_REQUEST_CODES.has(code)) {
    return new OutboundError('HTTP_INVALID_REQUEST', `Invalid request: ${message}`, { cause: err });
  }

  return new OutboundError('HTTP_NETWORK', `Network error: ${message}`, { retryable: true, cause: err });
}
