import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reply, startServer, type TLoopbackServer } from './__tests__/loopback';
import { createHttpSender } from './send-http';

let server: TLoopbackServer; // 127.0.0.2, allow-listed

beforeAll(async () => {
  server = await startServer('127.0.0.2', (req, res) => {
    if (req.url === '/json') {
      return reply(res, 200, { body: '{"ok":true}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    }
    reply(res, 200, { body: req.url === '/text' ? '{"not":"parsed"}' : 'echo', headers: { 'content-type': 'text/plain' } });
  });
});
afterAll(() => server.close());

const create = () => createHttpSender({ allowlist: ['127.0.0.2:*'] });
const get = (path: string) => ({ method: 'GET', url: `${server.origin}${path}`, headers: {} });

describe('request and response shape', () => {
  const sender = create();
  afterAll(() => sender.close());

  it('sends Idempotency-Key, JSON bodies and a default User-Agent; drops transport headers', async () => {
    const res = await sender.send({
      method: 'post',
      url: `${server.origin}/echo?q=1`,
      headers: { Host: 'evil.test', 'X-Trace': 't' },
      body: { n: 1 },
      idempotencyKey: 'exec-1:node-1',
    });
    expect([res.status, res.body, res.truncated, res.url]).toEqual([200, 'echo', false, `${server.origin}/echo?q=1`]);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    const got = server.requests.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.headers['idempotency-key']).toBe('exec-1:node-1');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.host).toBe(`127.0.0.2:${server.port}`);
    expect(got.headers['x-trace']).toBe('t');
    expect(got.headers['user-agent']).toBeTruthy();
    expect(got.body).toBe('{"n":1}');
  });

  it('parses JSON responses by content type and keeps text as text', async () => {
    const json = await sender.send(get('/json'));
    expect(json.body).toEqual({ ok: true });
    expect(json.headers['content-type']).toContain('application/json');
    expect((await sender.send(get('/text'))).body).toBe('{"not":"parsed"}');
  });
});
