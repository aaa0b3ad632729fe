import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reply, startServer, stubResolver, type TLoopbackServer } from './__tests__/loopback';
import { createHttpSender } from './send-http';

let target: TLoopbackServer; // 127.0.0.1: the "internal" service nothing may reach unless allow-listed
let allowed: TLoopbackServer; // 127.0.0.2: stands in for a public host (allow-listed in tests)

beforeAll(async () => {
  target = await startServer('127.0.0.1', (_req, res) => reply(res, 200, 'internal secret'));
  allowed = await startServer('127.0.0.2', (_req, res) => reply(res, 200, { body: 'ok', headers: { connection: 'close' } }), target.port);
});
afterAll(async () => {
  await target.close();
  await allowed.close();
});

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('request should have been refused'),
    (err: unknown) => err as Error & { code: string },
  );
}

describe('S9: proxy environment variables are ignored', () => {
  it('sends directly even with HTTP_PROXY/HTTPS_PROXY/ALL_PROXY set', async () => {
    const proxy = await startServer('127.0.0.3', (_req, res) => reply(res, 502, 'proxied'));
    const names = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'];
    const saved = names.map((name) => [name, process.env[name]] as const);
    for (const name of names) {
      process.env[name] = proxy.origin;
    }
    try {
      const sender = createHttpSender({ allowlist: ['127.0.0.2:*'], resolver: stubResolver({ 'public.test': ['127.0.0.2'] }).resolver });
      const before = allowed.hits;
      const res = await sender.send({ method: 'GET', url: `http://public.test:${allowed.port}/`, headers: {} });
      expect(res.body).toBe('ok');
      expect(allowed.hits).toBe(before + 1);
      expect(proxy.connections).toBe(0);
      await sender.close();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
      await proxy.close();
    }
  });
});

describe('S10: the allow-list is an explicit, narrow opt-in', () => {
  it('127.0.0.1 listed → reachable; 127.0.0.2 (same port) stays blocked', async () => {
    const sender = createHttpSender({ allowlist: ['127.0.0.1/32:*'] });
    const res = await sender.send({ method: 'GET', url: `http://127.0.0.1:${target.port}/`, headers: {} });
    expect(res.body).toBe('internal secret');
    const before = allowed.connections;
    const err = await failure(sender.send({ method: 'GET', url: `http://127.0.0.2:${target.port}/`, headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(allowed.connections).toBe(before);
    await sender.close();
  });

  it('a listed host name passes while another name with the same answer is blocked', async () => {
    const resolver = stubResolver({ 'internal.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] }).resolver;
    const sender = createHttpSender({ allowlist: ['internal.test:*'], resolver });
    const res = await sender.send({ method: 'GET', url: `http://internal.test:${target.port}/`, headers: {} });
    expect(res.status).toBe(200);
    const err = await failure(sender.send({ method: 'GET', url: `http://other.test:${target.port}/`, headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    await sender.close();
  });
});

describe('S10: allow-list entries name ports', () => {
  it('host:port reaches that port; a bare host reaches 80/443 only, so the same service on another port is blocked', async () => {
    const byPort = createHttpSender({ allowlist: [`127.0.0.1:${target.port}`] });
    expect((await byPort.send({ method: 'GET', url: `http://127.0.0.1:${target.port}/`, headers: {} })).body).toBe('internal secret');
    await byPort.close();
    const bare = createHttpSender({ allowlist: ['127.0.0.1'] });
    const before = target.connections;
    const err = await failure(bare.send({ method: 'GET', url: `http://127.0.0.1:${target.port}/`, headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(target.connections).toBe(before);
    await bare.close();
  });

  it('a listed name with a port is blocked on every other port', async () => {
    const resolver = stubResolver({ 'internal.test': ['127.0.0.1'] }).resolver;
    const sender = createHttpSender({ allowlist: ['internal.test:1'], resolver });
    const err = await failure(sender.send({ method: 'GET', url: `http://internal.test:${target.port}/`, headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    await sender.close();
  });
});
