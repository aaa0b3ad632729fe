import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH } from '../test/support/fixtures';
import { sendJson, startTestServer, type TestServer } from '../test/support/http-server';
import { loadCatalogue } from './catalogue';
import type { Catalogue } from './catalogue-types';
import { createClockifyClient } from './client';
import type { ClockifyClientOptions } from './client-types';
import {
  ClockifyApiError,
  ClockifyCircuitOpenError,
  ClockifyNetworkError,
  ClockifyRateLimitedError,
  ClockifyRedirectError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
  ClockifyValidationError,
} from './errors';
import { createMemoryRateLimiter } from './rate-limiter';
import { createBreakerRegistry } from './retry';

const WS = 'aaaaaaaaaaaaaaaaaaaaaaa1';
const PROJECT = '5f1185197db7a8637ffcaf1d';
const TOKEN = 'addon-token-secret';

type Reply = (req: { url: string; body: string }, index: number) => { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

describe('createClockifyClient against a local HTTP server', () => {
  let cat: Catalogue;
  let server: TestServer;
  let reply: Reply;
  beforeAll(async () => {
    cat = await loadCatalogue(MINI_OPENAPI_PATH);
    server = await startTestServer(async (req, res, index) => {
      const r = reply(req, index);
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      if (res.destroyed) return;
      if (r.body === undefined) {
        res.writeHead(r.status, r.headers);
        res.end();
      } else {
        sendJson(res, r.status, r.body, r.headers);
      }
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
  });

  const client = (over: Partial<ClockifyClientOptions> = {}) =>
    createClockifyClient({
      catalogue: cat,
      apiUrl: `${server.url}/api`,
      reportsUrl: `${server.url}/reports`,
      token: TOKEN,
      workspaceKey: `${WS}-${Math.random()}`,
      maxRps: 50,
      rateLimiter: createMemoryRateLimiter(),
      retryInitialDelayMs: 10,
      breakers: createBreakerRegistry(),
      ...over,
    });

  it('sends the token to apiUrl + path and returns status, headers and parsed JSON', async () => {
    reply = () => ({ status: 200, body: { id: PROJECT, name: 'Site' }, headers: { 'x-extra': 'yes' } });
    const res = await client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res).toMatchObject({ status: 200, body: { id: PROJECT, name: 'Site' }, attempts: 1, method: 'GET' });
    expect(res.url).toBe(`${server.url}/api/v1/workspaces/${WS}/projects/${PROJECT}`);
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests[0]!.headers['x-addon-token']).toBe(TOKEN);
  });

  it('sends JSON bodies and query strings, and reports operations go to reportsUrl', async () => {
    reply = () => ({ status: 201, body: { id: 'new' } });
    await client().execute('createProject', { path: { workspaceId: WS }, body: { name: 'Site', billable: true } });
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: `/api/v1/workspaces/${WS}/projects` });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: 'Site', billable: true });
    reply = () => ({ status: 200, body: [] });
    await client().execute('listProjects', { path: { workspaceId: WS }, query: { archived: false, name: 'a b&c' } });
    expect(server.requests[1]!.url).toBe(`/api/v1/workspaces/${WS}/projects?archived=false&name=a+b%26c`);
    await client().execute('detailedReport', { path: { workspaceId: WS }, body: { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-02-01T00:00:00Z' } });
    expect(server.requests[2]!.url).toBe(`/reports/v1/workspaces/${WS}/reports/detailed`);
  });

  it('retries a 503 and succeeds on the next attempt', async () => {
    reply = (_, i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : { status: 200, body: { ok: true } });
    const logs: unknown[] = [];
    const res = await client({ logger: { warn: (o) => logs.push(o) } }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(server.requests).toHaveLength(2);
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('waits at least Retry-After (1 s) after a 429', async () => {
    reply = (_, i) => (i === 0 ? { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } } : { status: 200, body: {} });
    const res = await client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res.attempts).toBe(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('fails at once, clearly, when Retry-After exceeds the cap', async () => {
    reply = () => ({ status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '86400' } });
    const started = Date.now();
    const err = await client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyRateLimitedError);
    expect(err).toMatchObject({ status: 429, retryable: false, retryAfterMs: 86_400_000, kind: 'operational' });
    expect((err as Error).message).toMatch(/rate limited.*86400 s.*60 s/);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([400, 403, 404])('does not retry a %i and surfaces Clockify\'s error body', async (status) => {
    reply = () => ({ status, body: { message: 'Nope', code: 501 } });
    const err = await client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyApiError);
    expect(err).toMatchObject({ status, body: { message: 'Nope', code: 501 }, retryable: false, kind: 'user' });
    expect((err as Error).message).toContain('Nope');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect, and the redirect target never sees the token', async () => {
    const target = await startTestServer((_, res) => sendJson(res, 200, { stolen: true }));
    try {
      reply = () => ({ status: 302, headers: { location: `${target.url}/collect` } });
      const err = await client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClockifyRedirectError);
      expect(err).toMatchObject({ status: 302, location: `${target.url}/collect` });
      expect(target.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('gives up after maxAttempts with a ClockifyUnavailableError (maxAttempts counts attempts; 0 means one)', async () => {
    reply = () => ({ status: 500, body: { message: 'boom' } });
    const err = await client({ maxAttempts: 3 }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyUnavailableError);
    expect(err).toMatchObject({ status: 500, retryable: true, kind: 'operational', request: { attempts: 3 } });
    expect(server.requests).toHaveLength(3);
    await client({ maxAttempts: 0 }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch(() => undefined);
    expect(server.requests).toHaveLength(4);
  });

  it('times out each attempt', async () => {
    reply = () => ({ status: 200, body: {}, delayMs: 1500 });
    const started = Date.now();
    const err = await client({ timeoutMs: 150, maxAttempts: 2 }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyTimeoutError);
    expect((err as Error).message).toMatch(/within 150 ms/);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const err = await client({ apiUrl: `${closed.url}/api`, maxAttempts: 2 }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyNetworkError);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('opens the circuit of one workspace after repeated failures, leaving others alone', async () => {
    reply = () => ({ status: 500, body: {} });
    const breakers = createBreakerRegistry({ threshold: 2, halfOpenAfterMs: 60_000 });
    const a = client({ breakers, workspaceKey: 'ws-a', maxAttempts: 1 });
    const call = (c: typeof a) => c.execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(await call(a)).toBeInstanceOf(ClockifyUnavailableError);
    expect(await call(a)).toBeInstanceOf(ClockifyUnavailableError);
    const open = await call(a);
    expect(open).toBeInstanceOf(ClockifyCircuitOpenError);
    expect(server.requests).toHaveLength(2);
    await call(client({ breakers, workspaceKey: 'ws-b', maxAttempts: 1 }));
    expect(server.requests).toHaveLength(3);
  });

  it('refuses unknown operations and invalid calls without sending anything', async () => {
    reply = () => ({ status: 200, body: {} });
    await expect(client().execute('noSuchOperation', {})).rejects.toThrow(ClockifyValidationError);
    const err = await client().execute('getProject', { path: { workspaceId: WS }, query: { bogus: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyValidationError);
    expect((err as ClockifyValidationError).issues).toEqual([
      'path parameter "projectId" is required',
      'unknown query parameter "bogus" for getProject (this operation takes none)',
    ]);
    await expect(client({ catalogue: null }).execute('getProject', {})).rejects.toThrow(/catalogue is not loaded/);
    expect(server.requests).toHaveLength(0);
  });

  it('acquires the rate limiter before every attempt, capped at 50 per second', async () => {
    reply = (_, i) => (i === 0 ? { status: 502, body: {} } : { status: 200, body: {} });
    const calls: [string, number][] = [];
    const rateLimiter = { acquire: async (key: string, max: number) => (calls.push([key, max]), 0) };
    await client({ rateLimiter, workspaceKey: 'ws-rl', maxRps: 80 }).execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(calls).toEqual([
      ['ws-rl', 50],
      ['ws-rl', 50],
    ]);
  });

  it('sends raw requests by path on the API host, refusing anything that leaves it', async () => {
    reply = () => ({ status: 200, body: [{ id: 'w1' }] });
    const res = await client().request({ method: 'GET', path: `/v1/workspaces/${WS}/addons/x/webhooks`, query: { a: [1, 2] } });
    expect(res.body).toEqual([{ id: 'w1' }]);
    expect(server.requests[0]!.url).toBe(`/api/v1/workspaces/${WS}/addons/x/webhooks?a=1&a=2`);
    for (const path of ['https://evil.test/x', '//evil.test/x', 'v1/x', '/v1/../../x']) {
      await expect(client().request({ method: 'GET', path })).rejects.toThrow(ClockifyValidationError);
    }
  });
});
