/**
 * The seam between the Clockify client and the network: one HTTP exchange, no redirects followed.
 * The default is `createNodeTransport` (node:http/https with keep-alive agents); `fetchTransport`
 * adapts any fetch (tests, the SSRF-guarded undici fetch) to the same shape.
 */
export type TTransportRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Already serialised. */
  body?: string;
  /** Aborts the exchange (caller's abort or the attempt's timeout); the transport rejects with its reason. */
  signal: AbortSignal;
};

export type TTransportResponse = {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The whole body as text; empty for a redirect (its body is discarded unread). */
  text: string;
  /** A redirect a fetch reported opaquely (`type: 'opaqueredirect'`, status 0). */
  opaqueRedirect?: boolean;
};

export type TTransport = (req: TTransportRequest) => Promise<TTransportResponse>;

export const isRedirect = (res: TTransportResponse): boolean => (res.status >= 300 && res.status < 400) || res.opaqueRedirect === true;

const headerRecord = (headers: Headers) => Object.fromEntries([...headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));

/** A transport over `fetch` with `redirect: 'manual'` (fetch would carry X-Addon-Token to whatever host a Location names). */
export function fetchTransport(doFetch: typeof fetch): TTransport {
  return async (req) => {
    const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual', signal: req.signal });
    const answer = { status: res.status, headers: headerRecord(res.headers), opaqueRedirect: res.type === 'opaqueredirect' };
    if (isRedirect({ ...answer, text: '' })) {
      await res.body?.cancel().catch(() => undefined);

      return { ...answer, text: '' };
    }

    return { ...answer, text: await res.text() };
  };
}
