/** Turns a caller's request into the first hop, and a redirect response into the next hop. */
import { OutboundError } from './outbound-errors';
import { parseTargetUrl } from './url-policy';

export type THop = {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

export type THttpSendRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** A string or bytes are sent as is; anything else is sent as JSON. */
  body?: unknown;
  idempotencyKey?: string;
  /** Values (secrets) in this request that the log must show as `••••` (a URL may hold one). */
  redact?: readonly string[];
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Framing and routing headers belong to the transport, never to a flow. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
]);

/** The only headers that survive a cross-origin redirect; everything else may be a credential. */
const CROSS_ORIGIN_SAFE = new Set(['accept', 'content-type', 'user-agent', 'idempotency-key']);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function encodeBody(body: unknown, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
    return body ?? undefined;
  }
  headers['content-type'] ??= 'application/json';
  try {
    return JSON.stringify(body);
  } catch (err) {
    throw new OutboundError('HTTP_INVALID_REQUEST', 'Request body is not serialisable to JSON', {
      cause: err,
    });
  }
}

export function buildFirstHop(req: THttpSendRequest, userAgent: string): THop {
  const url = parseTargetUrl(req.url);
  const method = req.method.toUpperCase();
  if (!METHODS.has(method)) {
    throw new OutboundError('HTTP_INVALID_REQUEST', `HTTP method "${req.method}" is not allowed`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!TRANSPORT_HEADERS.has(lower)) {
      headers[lower] = String(value);
    }
  }
  headers['user-agent'] ??= userAgent;
  if (req.idempotencyKey !== undefined) {
    headers['idempotency-key'] = req.idempotencyKey;
  }

  return { method, url, headers, body: encodeBody(req.body, headers) };
}

/** The `Location` to follow, or undefined when the response is not a followable redirect. */
export function redirectLocation(status: number, location: string | string[] | undefined) {
  const value = Array.isArray(location) ? location[0] : location;

  return REDIRECT_STATUSES.has(status) && value ? value : undefined;
}

/**
 * The next hop after a redirect, as fetch does it: 303 (and 301/302 after POST) become a GET without
 * body; 307/308 keep method and body. A cross-origin hop keeps only the safe headers.
 */
export function nextHop(hop: THop, status: number, location: string): THop {
  const url = parseTargetUrl(location, hop.url);
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const headers = { ...hop.headers };
  if (toGet) {
    delete headers['content-type'];
  }
  if (url.origin !== hop.url.origin) {
    for (const name of Object.keys(headers)) {
      if (!CROSS_ORIGIN_SAFE.has(name)) {
        delete headers[name];
      }
    }
  }

  return { method: toGet ? 'GET' : hop.method, url, headers, body: toGet ? undefined : hop.body };
}
