import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CLOCKIFY_FIXTURES } from '../../../fixtures';
import type { TSimulator } from '../src/index';

/** The repository's snapshot of Clockify's OpenAPI document (fixtures/README.md). */
export const OPENAPI = CLOCKIFY_FIXTURES.openapi;

export type TCall = { status: number; body: unknown; headers: Headers };

export async function call(
  sim: TSimulator,
  { method, path }: { method: string; path: string },
  init: { token?: string | null; body?: unknown; query?: Record<string, string> } = {},
): Promise<TCall> {
  const url = new URL(`${sim.url}${path}`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const token = init.token === undefined ? sim.workspace().token : init.token;
  const headers: Record<string, string> = token ? { 'x-addon-token': token } : {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();

  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export type TReceived = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };

/** A tiny add-on stand-in that records what it receives and answers 200 (or what `answer` says). */
export async function startReceiver(answer: (r: TReceived) => number | Promise<number> = () => 200) {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', async () => {
      const r = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      received.push(r);
      res.writeHead(await answer(r), { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
