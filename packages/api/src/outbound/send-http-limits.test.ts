import type { ServerResponse } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closedPort, reply, startServer, type TLoopbackServer } from './__tests__/loopback';
import type { OutboundError } from './outbound-errors';
import { createHttpSender } from './send-http';

let server: TLoopbackServer; // 127.0.0.2, allow-listed
const closed: Promise<void>[] = [];

function endless(res: ServerResponse) {
  const chunk = Buffer.alloc(16 * 1024, 'x');
  closed.push(new Promise((resolve) => res.on('close', resolve)));
  res.writeHead(200, { 'content-type': 'text/plain' });
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) {
      res.once('drain', pump);
    }
  };
  pump();
}

function trickle(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const timer = setInterval(() => res.write('.'), 50);
  res.on('close', () => clearInterval(timer));
}

const retryAt = () => new Date(Date.now() + 30_000).toUTCString();
const routes: Record<string, (res: ServerResponse) => void> = {
  '/endless': endless,
  '/big': (res) => reply(res, 200, { body: 'y'.repeat(3_000_000), headers: { 'content-type': 'application/json' } }),
  '/exact': (res) => reply(res, 200, 'z'.repeat(1000)),
  '/trickle': trickle,
  '/silent': () => undefined,
  '/json': (res) => reply(res, 200, { body: '{"ok":true}', headers: { 'content-type': 'application/json; charset=utf-8' } }),
  '/problem': (res) => reply(res, 400, { body: '{"title":"bad"}', headers: { 'content-type': 'application/problem+json' } }),
  '/503': (res) => reply(res, 503, { body: 'down', headers: { 'retry-after': '7' } }),
  '/429': (res) => reply(res, 429, { body: 'slow down', headers: { 'retry-after': retryAt() } }),
  '/500': (res) => reply(res, 500, 'boom'),
};

beforeAll(async () => {
  server = await startServer('127.0.0.2', (req, res) => (routes[req.url ?? ''] ?? ((r) => reply(r, 200, 'echo')))(res));
});
afterAll(() => server.close());

const create = (timeoutMs = 2000, maxResponseBytes = 1000) => createHttpSender({ allowlist: ['127.0.0.2:*'], timeoutMs, maxResponseBytes });
const get = (path: string) => ({ method: 'GET', url: `${server.origin}${path}`, headers: {} });

describe('S8: response size and time are bounded', () => {
  it('an endless stream is cut at the cap, flagged, and its connection destroyed', async () => {
    const sender = create(2000, 100_000);
    const res = await sender.send(get('/endless'));
    expect(res.truncated).toBe(true);
    expect(res.body).toHaveLength(100_000);
    await expect(Promise.race([closed.at(-1), new Promise((r) => setTimeout(() => r('open'), 2000))])).resolves.toBeUndefined();
    await sender.close();
  });

  it('a big JSON body is truncated and returned as text; a body of exactly the cap is not', async () => {
    const sender = create();
    const big = await sender.send(get('/big'));
    expect([big.truncated, typeof big.body, (big.body as string).length]).toEqual([true, 'string', 1000]);
    const exact = await sender.send(get('/exact'));
    expect([exact.truncated, (exact.body as string).length]).toEqual([false, 1000]);
    await sender.close();
  });

  it.each(['/trickle', '/silent'])('%s hits the total timeout (headers and body)', async (path) => {
    const sender = create(400);
    const started = Date.now();
    await expect(sender.send(get(path))).rejects.toMatchObject({ code: 'HTTP_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(1500);
    await sender.close();
  });
});

describe('classification of failures', () => {
  const sender = create();
  afterAll(() => sender.close());

  it('503 is retryable with Retry-After seconds', async () => {
    await expect(sender.send(get('/503'))).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      status: 503,
      retryable: true,
      kind: 'operational',
      retryAfterMs: 7000,
      body: 'down',
    });
  });

  it('429 is retryable with an HTTP-date Retry-After', async () => {
    const err = (await sender.send(get('/429')).catch((e: unknown) => e)) as OutboundError;
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBeGreaterThan(27_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('500 is retryable without a delay; 400 is not retryable and carries the parsed body', async () => {
    await expect(sender.send(get('/500'))).rejects.toMatchObject({ status: 500, retryable: true, retryAfterMs: undefined });
    await expect(sender.send(get('/problem'))).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      status: 400,
      retryable: false,
      kind: 'user',
      body: { title: 'bad' },
    });
  });

  it('a refused connection is a retryable network error', async () => {
    const port = await closedPort();
    await expect(sender.send({ method: 'GET', url: `http://127.0.0.2:${port}/`, headers: {} })).rejects.toMatchObject({
      code: 'HTTP_NETWORK',
      retryable: true,
    });
  });
});
