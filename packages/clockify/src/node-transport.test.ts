import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ClockifyNetworkError, ClockifyRedirectError, ClockifyTimeoutError } from './errors';
import { createNodeTransport } from './node-transport';
import { sendAttempt, type TAttemptRequest } from './send-attempt';
import { fetchTransport, type TTransport } from './transport';

type TSeen = { socket: number; method: string; url: string; headers: IncomingMessage['headers']; body: string };
type THandler = (req: TSeen, res: ServerResponse) => void;

/** A loopback server that numbers the connections it accepts, so a test can see which one each request came on. */
async function listen(handler: () => THandler) {
  const seen: TSeen[] = [];
  const ids = new WeakMap<Socket, number>();
  let open = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const entry = { socket: ids.get(req.socket)!, method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(entry);
      handler()(entry, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    open += 1;
    ids.set(socket, open);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return { url, seen, close, connections: () => open };
}

const signal = () => AbortSignal.timeout(5_000);

describe('createNodeTransport against a loopback server', () => {
  let reply: THandler = (_, res) => res.end();
  let srv: Awaited<ReturnType<typeof listen>>;
  let transport: TTransport;
  const attempt = (over: Partial<TAttemptRequest>) =>
    sendAttempt(
      { method: 'GET', url: `${srv.url}/x`, token: 'tok', transport, timeoutMs: 5_000, maxRetryAfterMs: 60_000, ...over },
      1,
    ).catch((e: unknown) => e);

  beforeAll(async () => {
    srv = await listen(() => reply);
  });
  afterAll(() => srv.close());
  beforeEach(() => {
    srv.seen.length = 0;
    transport = createNodeTransport();
  });

  it('reuses one kept-alive connection for sequential calls', async () => {
    reply = (_, res) => res.end('{"ok":true}');
    const before = srv.connections();
    await transport({ method: 'GET', url: `${srv.url}/a`, headers: {}, signal: signal() });
    await transport({ method: 'GET', url: `${srv.url}/b`, headers: {}, signal: signal() });
    expect(srv.seen.map((s) => s.url)).toEqual(['/a', '/b']);
    expect(srv.seen[0]!.socket).toBe(srv.seen[1]!.socket);
    expect(srv.connections() - before).toBe(1);
    expect(srv.seen[0]!.headers.connection).toBe('keep-alive');
  });

  it('opens at most maxSockets connections per host; further calls wait for a free one', async () => {
    const bounded = createNodeTransport({ maxSockets: 2 });
    reply = (_, res) => setTimeout(() => res.end('x'), 30);
    const calls = Array.from({ length: 6 }, (_, i) => bounded({ method: 'GET', url: `${srv.url}/${i}`, headers: {}, signal: signal() }));
    expect((await Promise.all(calls)).map((r) => r.text)).toEqual(Array(6).fill('x'));
    expect(new Set(srv.seen.map((s) => s.socket)).size).toBe(2);
  });

  it('sends the token, the JSON body and its content type; parses JSON, keeps text, gives null for an empty body', async () => {
    reply = (_, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'X-Extra': 'yes' });
      res.end('{"id":"new"}');
    };
    const created = await attempt({ method: 'POST', body: JSON.stringify({ name: 'Site' }) });
    expect(created).toMatchObject({ status: 201, body: { id: 'new' }, method: 'POST' });
    expect((created as { headers: Record<string, string> }).headers['x-extra']).toBe('yes');
    expect(srv.seen[0]).toMatchObject({ method: 'POST', body: '{"name":"Site"}' });
    expect(srv.seen[0]!.headers).toMatchObject({ 'x-addon-token': 'tok', 'content-type': 'application/json', 'content-length': '15' });
    reply = (_, res) => res.end('plain words');
    expect(await attempt({})).toMatchObject({ status: 200, body: 'plain words' });
    expect(srv.seen[1]!.headers['content-type']).toBeUndefined();
    reply = (_, res) => res.writeHead(204).end();
    expect(await attempt({ method: 'DELETE' })).toMatchObject({ status: 204, body: null });
  });

  it('does not follow a redirect: ClockifyRedirectError with the Location, the target never called', async () => {
    const target = await listen(() => (_, res) => res.end('stolen'));
    try {
      reply = (_, res) => res.writeHead(302, { location: `${target.url}/collect` }).end('moved');
      const err = await attempt({});
      expect(err).toBeInstanceOf(ClockifyRedirectError);
      expect(err).toMatchObject({ status: 302, location: `${target.url}/collect` });
      expect(target.seen).toHaveLength(0);
      reply = (_, res) => res.end('after');
      expect(await attempt({})).toMatchObject({ status: 200, body: 'after' });
    } finally {
      await target.close();
    }
  });

  it('times out an attempt that gets no answer, and the next call still works', async () => {
    reply = (_, res) => setTimeout(() => res.end('late'), 1_000);
    const started = Date.now();
    const err = await attempt({ timeoutMs: 100 });
    expect(err).toBeInstanceOf(ClockifyTimeoutError);
    expect((err as Error).message).toMatch(/within 100 ms/);
    expect(Date.now() - started).toBeLessThan(800);
    reply = (_, res) => res.end('"fine"');
    expect(await attempt({})).toMatchObject({ body: 'fine' });
  });

  it("rejects with the caller's reason when the caller aborts, also while the body is streaming", async () => {
    const caller = new AbortController();
    reply = () => setTimeout(() => caller.abort(new Error('flow cancelled')), 50);
    expect(await attempt({ signal: caller.signal })).toMatchObject({ message: 'flow cancelled' });
    const midBody = new AbortController();
    reply = (_, res) => {
      res.writeHead(200).write('{"partial":');
      setTimeout(() => midBody.abort(new Error('stop reading')), 50);
    };
    expect(await attempt({ signal: midBody.signal })).toMatchObject({ message: 'stop reading' });
    const already = new AbortController();
    already.abort(new Error('before sending'));
    const count = srv.seen.length;
    expect(await attempt({ signal: already.signal })).toMatchObject({ message: 'before sending' });
    expect(srv.seen).toHaveLength(count);
  });

  it('classifies a refused connection as a ClockifyNetworkError naming the code', async () => {
    const gone = await listen(() => (_, res) => res.end());
    await gone.close();
    const err = await attempt({ url: `${gone.url}/x` });
    expect(err).toBeInstanceOf(ClockifyNetworkError);
    expect((err as Error).message).toMatch(/: ECONNREFUSED$/);
    expect(((err as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('still honours an injected fetch through fetchTransport, with the same classification', async () => {
    const calls: string[] = [];
    const recording = ((input: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${input} redirect=${init?.redirect}`);

      return fetch(input, init);
    }) as typeof fetch;
    transport = fetchTransport(recording);
    reply = (_, res) => res.end('{"via":"fetch"}');
    expect(await attempt({})).toMatchObject({ status: 200, body: { via: 'fetch' } });
    reply = (_, res) => res.writeHead(301, { location: 'https://elsewhere.example/' }).end();
    expect(await attempt({})).toMatchObject({ status: 301, location: 'https://elsewhere.example/' });
    expect(calls).toEqual([`GET ${srv.url}/x redirect=manual`, `GET ${srv.url}/x redirect=manual`]);
  });
});
