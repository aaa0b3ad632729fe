import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import type { TTransport, TTransportResponse } from './transport';

export type TNodeTransportOptions = {
  /** Concurrent connections per host (and port). Default 64. */
  maxSockets?: number;
  /** How long an idle kept-alive connection stays open; default 4 s (under the 5 s keep-alive of common servers). */
  freeSocketTimeoutMs?: number;
};

const headerRecord = (headers: IncomingHttpHeaders): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }

  return out;
};

/**
 * A transport over node:http/node:https with keep-alive agents: connections to a host are reused
 * across calls, at most `maxSockets` at once (more calls queue for a free one). Redirects are never
 * followed (node:http does not follow them); a redirect's body is discarded with its connection.
 */
export function createNodeTransport(opts: TNodeTransportOptions = {}): TTransport {
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets ?? 64, timeout: opts.freeSocketTimeoutMs ?? 4_000 };
  const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

  return (req) =>
    new Promise<TTransportResponse>((resolve, reject) => {
      const { signal } = req;
      if (signal.aborted) {
        reject(signal.reason);

        return;
      }
      const https = req.url.startsWith('https:');
      const send = https ? httpsRequest : httpRequest;
      const outgoing = send(req.url, { method: req.method, headers: req.headers, agent: https ? agents.https : agents.http });
      const settle = (finish: () => void) => {
        signal.removeEventListener('abort', onAbort);
        finish();
      };
      const fail = (err: unknown) => settle(() => reject(err));
      function onAbort() {
        fail(signal.reason);
        outgoing.destroy();
      }
      signal.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', fail);
      outgoing.on('response', (res) => receive({ res, fail, done: (answer) => settle(() => resolve(answer)) }));
      outgoing.end(req.body);
    });
}

/** Reads the answer: a redirect's body is dropped with the connection, any other body read whole as UTF-8 text. */
function receive(ctx: {
  res: IncomingMessage;
  fail: (err: unknown) => void;
  done: (answer: TTransportResponse) => void;
}): void {
  const { res, fail, done } = ctx;
  const status = res.statusCode ?? 0;
  const headers = headerRecord(res.headers);
  if (status >= 300 && status < 400) {
    res.destroy();
    done({ status, headers, text: '' });

    return;
  }
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
  });
  res.on('error', fail);
  res.on('end', () => done({ status, headers, text }));
  res.on('close', () => {
    if (!res.complete) fail(Object.assign(new Error('the connection closed before the whole response arrived'), { code: 'ECONNRESET' }));
  });
}

let shared: TTransport | undefined;

/** One keep-alive node transport for every client of the process that is given neither `transport` nor `fetch`. */
export function sharedNodeTransport(): TTransport {
  shared ??= createNodeTransport();

  return shared;
}
