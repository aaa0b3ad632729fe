import net from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

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
afterEach(() => {
  vi.restoreAllMocks();
});

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('request should have been refused'),
    (err: unknown) => err as Error & { code: string },
  );
}

describe('S1: literal hosts and loopback names are blocked before any connection', () => {
  const hosts: [string, string][] = [
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.000.000.001', '127.0.0.1'],
    ['%31%32%37.0.0.1', '127.0.0.1'],
    ['[::ffff:127.0.0.1]', '127.0.0.1'],
    ['[::ffff:7f00:1]', '127.0.0.1'],
    ['[0:0:0:0:0:ffff:127.0.0.1]', '127.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['0', '0.0.0.0'],
    ['[::1]', '::1'],
    ['[::]', '::'],
    ['localhost', '127.0.0.1'],
    ['localhost.', '127.0.0.1'],
    ['LocalHost', '127.0.0.1'],
    ['app.localhost', '127.0.0.1'],
  ];

  it.each(hosts)('http://%s → SSRF_BLOCKED naming %s, 0 hits', async (host, address) => {
    const sender = createHttpSender({ allowlist: [] });
    for (const scheme of ['http', 'https']) {
      const err = await failure(sender.send({ method: 'GET', url: `${scheme}://${host}:${target.port}/admin`, headers: {} }));
      expect(err.code).toBe('SSRF_BLOCKED');
      expect(err.message).toContain(address);
    }
    expect(target.connections).toBe(0);
    expect(target.hits).toBe(0);
    await sender.close();
  });
});

describe('S2/S3: names answered by a stub resolver', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', {}],
    ['http://[fd00:ec2::254]/latest/meta-data/', {}],
    ['http://10.0.0.1/', {}],
    ['http://metadata.google.internal/computeMetadata/v1/', { 'metadata.google.internal': ['169.254.169.254'] }],
    ['http://intranet.test/', { 'intranet.test': ['10.20.30.40'] }],
    ['http://mixed.test/', { 'mixed.test': ['127.0.0.2', '127.0.0.1'] }],
    ['http://mixed6.test/', { 'mixed6.test': ['127.0.0.2', '::1'] }],
  ])('%s is blocked and no socket is opened', async (url, table) => {
    const connect = vi.spyOn(net, 'connect');
    const sender = createHttpSender({ allowlist: ['127.0.0.2:*'], resolver: stubResolver(table).resolver });
    const err = await failure(sender.send({ method: 'GET', url, headers: { 'Metadata-Flavor': 'Google' } }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(connect).not.toHaveBeenCalled();
    await sender.close();
  });

  it('control: the connect spy does see a permitted dial', async () => {
    const connect = vi.spyOn(net, 'connect');
    const sender = createHttpSender({ allowlist: ['127.0.0.2:*'], resolver: stubResolver({ 'public.test': ['127.0.0.2'] }).resolver });
    const res = await sender.send({ method: 'GET', url: `http://public.test:${allowed.port}/`, headers: {} });
    expect(res.status).toBe(200);
    expect(connect).toHaveBeenCalledTimes(1);
    await sender.close();
  });
});

describe('S4: DNS rebinding', () => {
  it('a later dial that resolves to loopback is blocked; one resolution per dial', async () => {
    const stub = stubResolver({ 'rebind.test': (n) => (n === 1 ? ['127.0.0.2'] : ['127.0.0.1']) });
    const sender = createHttpSender({ allowlist: ['127.0.0.2:*'], resolver: stub.resolver });
    const url = `http://rebind.test:${target.port}/`;
    const first = await sender.send({ method: 'GET', url, headers: {} });
    expect(first.body).toBe('ok');
    const err = await failure(sender.send({ method: 'GET', url, headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(err.message).toContain('127.0.0.1');
    expect(stub.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(target.hits).toBe(0);
    await sender.close();
  });
});
