import { describe, expect, it } from 'vitest';

import { PROJECT, TOKEN, useClientHarness, WS } from '../test/support/client-harness';
import { sendJson, startTestServer } from '../test/support/http-server';
import {
  ClockifyApiError,
  ClockifyCircuitOpenError,
  ClockifyNetworkError,
  ClockifyRateLimitedError,
  ClockifyRedirectError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
} from './errors';
import { createBreakerRegistry } from './retry';

describe('createClockifyClient when Clockify misbehaves', () => {
  const h = useClientHarness();
  const getProject = (c: ReturnType<typeof h.client>) =>
    c.execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);

  it('retries a 503 and succeeds on the next attempt', async () => {
    h.reply = (_, i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : { status: 200, body: { ok: true } });
    const logs: unknown[] = [];
    const res = await h
      .client({ logger: { warn: (o) => logs.push(o) } })
      .execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(h.server.requests).toHaveLength(2);
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('waits at least Retry-After (1 s) after a 429', async () => {
    h.reply = (_, i) =>
      i === 0 ? { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } } : { status: 200, body: {} };
    const res = await h.client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res.attempts).toBe(2);
    expect(h.server.requests[1]!.at - h.server.requests[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('fails at once, clearly, when Retry-After exceeds the cap', async () => {
    h.reply = () => ({ status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '86400' } });
    const started = Date.now();
    const err = await getProject(h.client());
    expect(err).toBeInstanceOf(ClockifyRateLimitedError);
    expect(err).toMatchObject({ status: 429, retryable: false, retryAfterMs: 86_400_000, kind: 'operational' });
    expect((err as Error).message).toMatch(/rate limited.*86400 s.*60 s/);
    expect(h.server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([400, 403, 404])("does not retry a %i and surfaces Clockify's error body", async (status) => {
    h.reply = () => ({ status, body: { message: 'Nope', code: 501 } });
    const err = await getProject(h.client());
    expect(err).toBeInstanceOf(ClockifyApiError);
    expect(err).toMatchObject({ status, body: { message: 'Nope', code: 501 }, retryable: false, kind: 'user' });
    expect((err as Error).message).toContain('Nope');
    expect(h.server.requests).toHaveLength(1);
  });

  it('refuses a redirect, and the redirect target never sees the token', async () => {
    const target = await startTestServer((_, res) => sendJson(res, { stolen: true }));
    try {
      h.reply = () => ({ status: 302, headers: { location: `${target.url}/collect` } });
      const err = await getProject(h.client());
      expect(err).toBeInstanceOf(ClockifyRedirectError);
      expect(err).toMatchObject({ status: 302, location: `${target.url}/collect` });
      expect(target.requests).toHaveLength(0);
      expect(h.server.requests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('gives up after maxAttempts with a ClockifyUnavailableError (maxAttempts counts attempts; 0 means one)', async () => {
    h.reply = () => ({ status: 500, body: { message: 'boom' } });
    const err = await getProject(h.client({ maxAttempts: 3 }));
    expect(err).toBeInstanceOf(ClockifyUnavailableError);
    expect(err).toMatchObject({ status: 500, retryable: true, kind: 'operational', request: { attempts: 3 } });
    expect(h.server.requests).toHaveLength(3);
    await h
      .client({ maxAttempts: 0 })
      .execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } })
      .catch(() => undefined);
    expect(h.server.requests).toHaveLength(4);
  });

  it('times out each attempt', async () => {
    h.reply = () => ({ status: 200, body: {}, delayMs: 1500 });
    const started = Date.now();
    const err = await getProject(h.client({ timeoutMs: 150, maxAttempts: 2 }));
    expect(err).toBeInstanceOf(ClockifyTimeoutError);
    expect((err as Error).message).toMatch(/within 150 ms/);
    expect(h.server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const err = await getProject(h.client({ apiUrl: `${closed.url}/api`, maxAttempts: 2 }));
    expect(err).toBeInstanceOf(ClockifyNetworkError);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('opens the circuit of one workspace after repeated failures, leaving others alone', async () => {
    h.reply = () => ({ status: 500, body: {} });
    const breakers = createBreakerRegistry({ threshold: 2, halfOpenAfterMs: 60_000 });
    const a = h.client({ breakers, workspaceKey: 'ws-a', maxAttempts: 1 });
    const call = (c: typeof a) => c.execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } }).catch((e: unknown) => e);
    expect(await call(a)).toBeInstanceOf(ClockifyUnavailableError);
    expect(await call(a)).toBeInstanceOf(ClockifyUnavailableError);
    const open = await call(a);
    expect(open).toBeInstanceOf(ClockifyCircuitOpenError);
    expect(h.server.requests).toHaveLength(2);
    await call(h.client({ breakers, workspaceKey: 'ws-b', maxAttempts: 1 }));
    expect(h.server.requests).toHaveLength(3);
  });
});
