/**
 * Test helpers: HTTP servers bound to 127.0.0.0/8 only (RELIABILITY §2c), counting connections and
 * requests, and stub resolvers so private, metadata and rebinding answers never need real DNS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TResolvedAddress, TResolver } from '../types';

export type TRecorded = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
export type THandler = (req: http.IncomingMessage, res: http.ServerResponse, rec: TRecorded) => void;

export type TLoopbackServer = {
  port: number;
  origin: string;
  requests: TRecorded[];
  /** Requests fully received. */
  readonly hits: number;
  /** TCP connections accepted (catches a dial even when no request completed). */
  readonly connections: number;
  close(): Promise<void>;
};

export async function startServer(host: string, handler: THandler, port = 0): Promise<TLoopbackServer> {
  if (!host.startsWith('127.')) {
    throw new Error('outbound tests only ever listen on 127.0.0.0/8');
  }
  const requests: TRecorded[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rec = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(rec);
      handler(req, res, rec);
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;

  return {
    port: actual,
    origin: `http://${host}:${actual}`,
    requests,
    get hits() {
      return requests.length;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `status` with a body (empty unless given), and headers when `answer` is `{ body, headers }`. */
export function reply(res: http.ServerResponse, status: number, answer: string | { body: string; headers: Record<string, string> } = '') {
  const { body, headers } = typeof answer === 'string' ? { body: answer, headers: {} } : answer;
  res.writeHead(status, headers).end(body);
}

/** Answers from a fixed table (a function of the call count for rebinding); records every call. */
export function stubResolver(table: Record<string, string[] | ((call: number) => string[])>) {
  const calls: string[] = [];
  const resolver: TResolver = (hostname) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) {
      return Promise.reject(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    }
    const addresses = typeof entry === 'function' ? entry(calls.filter((c) => c === hostname).length) : entry;

    return Promise.resolve(addresses.map((address): TResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

  return { resolver, calls };
}

/** A port on 127.0.0.2 that nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
  const server = await startServer('127.0.0.2', () => undefined);
  await server.close();

  return server.port;
}
