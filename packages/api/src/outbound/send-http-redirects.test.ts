import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reply, startServer, type TLoopbackServer } from './__tests__/loopback';
import { createHttpSender } from './send-http';

let internal: TLoopbackServer; // 127.0.0.1, not allow-listed
let a: TLoopbackServer; // 127.0.0.2, allow-listed
let b: TLoopbackServer; // 127.0.0.3, allow-listed, another origin
const sender = createHttpSender({ allowlist: ['127.0.0.2:*', '127.0.0.3:*'] });

beforeAll(async () => {
  internal = await startServer('127.0.0.1', (_req, res) => reply(res, 200, 'internal'));
  b = await startServer('127.0.0.3', (_req, res) =>
    reply(res, 200, { body: '{"at":"b"}', headers: { 'content-type': 'application/json' } }),
  );
  a = await startServer('127.0.0.2', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://a');
    const to = url.searchParams.get('to') ?? '';
    const status = Number(url.searchParams.get('status') ?? 302);
    const n = Number(url.searchParams.get('n') ?? 0);
    if (url.pathname === '/go') {
      return reply(res, status, {
        body: '',
        headers: { location: to.replace('$INTERNAL', String(internal.port)).replace('$B', b.origin) },
      });
    }
    if (url.pathname === '/chain') {
      return n > 0 ? reply(res, 302, { body: '', headers: { location: `/chain?n=${n - 1}` } }) : reply(res, 200, 'end of chain');
    }
    reply(res, 200, 'a');
  });
});
afterAll(async () => {
  await Promise.all([internal.close(), a.close(), b.close(), sender.close()]);
});

const go = (to: string, status = 302) => `${a.origin}/go?status=${status}&to=${encodeURIComponent(to)}`;
const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should have failed'),
    (err: unknown) => err as Error & { code: string; retryable: boolean },
  );

describe('S5: every redirect hop is re-validated', () => {
  it.each([301, 302, 303, 307, 308])('%i from an allowed host to loopback is blocked on the hop', async (status) => {
    const err = await fail(sender.send({ method: 'POST', url: go('http://127.0.0.1:$INTERNAL/', status), headers: {}, body: { x: 1 } }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(err.message).toContain('127.0.0.1');
    expect(internal.connections).toBe(0);
  });

  it.each([
    'http://[::ffff:7f00:1]:$INTERNAL/',
    'http://0x7f000001:$INTERNAL/',
    'http://localhost:$INTERNAL/',
    'http://0.0.0.0:$INTERNAL/',
  ])('redirect to %s is blocked', async (to) => {
    const err = await fail(sender.send({ method: 'GET', url: go(to), headers: {} }));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(internal.connections).toBe(0);
  });

  it('follows up to 5 hops, refuses the 6th', async () => {
    const ok = await sender.send({ method: 'GET', url: `${a.origin}/chain?n=5`, headers: {} });
    expect(ok.body).toBe('end of chain');
    expect(ok.url).toBe(`${a.origin}/chain?n=0`);
    const before = a.hits;
    const err = await fail(sender.send({ method: 'GET', url: `${a.origin}/chain?n=6`, headers: {} }));
    expect(err.code).toBe('TOO_MANY_REDIRECTS');
    expect(err.retryable).toBe(false);
    expect(a.hits - before).toBe(6);
  });

  it('refuses a Location with userinfo or a non-http scheme', async () => {
    const creds = await fail(sender.send({ method: 'GET', url: go('http://user:pw@127.0.0.3:1/'), headers: {} }));
    expect(creds.code).toBe('URL_INVALID');
    const file = await fail(sender.send({ method: 'GET', url: go('file:///etc/passwd'), headers: {} }));
    expect(file.code).toBe('URL_SCHEME_NOT_ALLOWED');
  });
});

describe('S6: nothing secret crosses origins', () => {
  const headers = {
    Authorization: 'Bearer s3cret',
    'X-Api-Key': 'k3y',
    'X-Addon-Token': 'addon-t0ken',
    Cookie: 'sid=c00kie',
    'Proxy-Authorization': 'Basic cHJ4',
    'X-Custom-Secret': 'cust0m',
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'User-Agent': 'flow/1',
  };
  const secrets = /s3cret|k3y|addon-t0ken|c00kie|cHJ4|cust0m/;

  it.each([302, 307])('A → B via %i: B gets only the safe headers', async (status) => {
    const before = b.hits;
    const res = await sender.send({ method: 'POST', url: go('$B/hook', status), headers, body: '{"a":1}', idempotencyKey: 'idem-6' });
    expect(res.body).toEqual({ at: 'b' });
    expect(res.url).toBe(`${b.origin}/hook`);
    expect(b.hits).toBe(before + 1);
    const got = b.requests.at(-1)!;
    for (const name of ['authorization', 'x-api-key', 'x-addon-token', 'cookie', 'proxy-authorization', 'x-custom-secret']) {
      expect(got.headers[name]).toBeUndefined();
    }
    expect(JSON.stringify(got.headers)).not.toMatch(secrets);
    expect(got.headers['idempotency-key']).toBe('idem-6');
    expect(got.headers['user-agent']).toBe('flow/1');
    expect(got.headers.accept).toBe('application/json');
    expect(got.method).toBe(status === 307 ? 'POST' : 'GET');
    expect(got.body).toBe(status === 307 ? '{"a":1}' : '');
  });

  it('a same-origin hop keeps the caller headers', async () => {
    await sender.send({ method: 'GET', url: go('/plain'), headers });
    const got = a.requests.at(-1)!;
    expect(got.url).toBe('/plain');
    expect(got.headers.authorization).toBe('Bearer s3cret');
    expect(got.headers['x-api-key']).toBe('k3y');
  });

  it('303 turns POST into GET without body', async () => {
    await sender.send({ method: 'POST', url: go('/landing', 303), headers, body: { big: 'payload' } });
    const got = a.requests.at(-1)!;
    expect([got.method, got.url, got.body, got.headers['content-type']]).toEqual(['GET', '/landing', '', undefined]);
  });
});

describe('S7: only http and https', () => {
  it.each([
    'file:///etc/passwd',
    'gopher://127.0.0.1:70/_x',
    'ftp://127.0.0.1/',
    'data:text/plain,hi',
    'ws://127.0.0.1/',
    'wss://127.0.0.1/',
    'javascript:alert(1)',
  ])('%s → URL_SCHEME_NOT_ALLOWED', async (url) => {
    const err = await fail(sender.send({ method: 'GET', url, headers: {} }));
    expect(err.code).toBe('URL_SCHEME_NOT_ALLOWED');
    expect(err.retryable).toBe(false);
  });

  it('refuses userinfo, garbage URLs and odd methods', async () => {
    await expect(sender.send({ method: 'GET', url: `http://u:p@127.0.0.2:${a.port}/`, headers: {} })).rejects.toMatchObject({
      code: 'URL_INVALID',
    });
    await expect(sender.send({ method: 'GET', url: 'not a url', headers: {} })).rejects.toMatchObject({ code: 'URL_INVALID' });
    await expect(sender.send({ method: 'CONNECT', url: a.origin, headers: {} })).rejects.toMatchObject({ code: 'HTTP_INVALID_REQUEST' });
  });
});
