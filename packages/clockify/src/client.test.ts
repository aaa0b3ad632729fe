import { describe, expect, it } from 'vitest';

import { PROJECT, TOKEN, useClientHarness, WS } from '../test/support/client-harness';
import { ClockifyValidationError } from './errors';

describe('createClockifyClient against a local HTTP server', () => {
  const h = useClientHarness();

  it('sends the token to apiUrl + path and returns status, headers and parsed JSON', async () => {
    h.reply = () => ({ status: 200, body: { id: PROJECT, name: 'Site' }, headers: { 'x-extra': 'yes' } });
    const res = await h.client().execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(res).toMatchObject({ status: 200, body: { id: PROJECT, name: 'Site' }, attempts: 1, method: 'GET' });
    expect(res.url).toBe(`${h.server.url}/api/v1/workspaces/${WS}/projects/${PROJECT}`);
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(h.server.requests[0]!.headers['x-addon-token']).toBe(TOKEN);
  });

  it('sends JSON bodies and query strings, and reports operations go to reportsUrl', async () => {
    h.reply = () => ({ status: 201, body: { id: 'new' } });
    await h.client().execute('createProject', { path: { workspaceId: WS }, body: { name: 'Site', billable: true } });
    expect(h.server.requests[0]).toMatchObject({ method: 'POST', url: `/api/v1/workspaces/${WS}/projects` });
    expect(h.server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(h.server.requests[0]!.body)).toEqual({ name: 'Site', billable: true });
    h.reply = () => ({ status: 200, body: [] });
    await h.client().execute('listProjects', { path: { workspaceId: WS }, query: { archived: false, name: 'a b&c' } });
    expect(h.server.requests[1]!.url).toBe(`/api/v1/workspaces/${WS}/projects?archived=false&name=a+b%26c`);
    await h.client().execute('detailedReport', {
      path: { workspaceId: WS },
      body: { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-02-01T00:00:00Z' },
    });
    expect(h.server.requests[2]!.url).toBe(`/reports/v1/workspaces/${WS}/reports/detailed`);
  });

  it('refuses unknown operations and invalid calls without sending anything', async () => {
    h.reply = () => ({ status: 200, body: {} });
    await expect(h.client().execute('noSuchOperation', {})).rejects.toThrow(ClockifyValidationError);
    const err = await h
      .client()
      .execute('getProject', { path: { workspaceId: WS }, query: { bogus: 1 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClockifyValidationError);
    expect((err as ClockifyValidationError).issues).toEqual([
      'path parameter "projectId" is required',
      'unknown query parameter "bogus" for getProject (this operation takes none)',
    ]);
    await expect(h.client({ catalogue: null }).execute('getProject', {})).rejects.toThrow(/catalogue is not loaded/);
    expect(h.server.requests).toHaveLength(0);
  });

  it('refuses an empty, "." or ".." path parameter (it would leave the operation) and encodes the others', async () => {
    h.reply = () => ({ status: 200, body: {} });
    for (const id of ['..', '.', '']) {
      const err = await h
        .client()
        .execute('getProject', { path: { workspaceId: WS, projectId: id } })
        .catch((e: unknown) => e);
      expect(err, JSON.stringify(id)).toBeInstanceOf(ClockifyValidationError);
      expect((err as Error).message, JSON.stringify(id)).toMatch(/projectId/);
    }
    await expect(h.client().execute('getProject', { path: { workspaceId: '..', projectId: PROJECT } })).rejects.toThrow(
      /path parameter workspaceId: it must not be "\.\."/,
    );
    expect(h.server.requests).toHaveLength(0);
    await h.client().execute('getProject', { path: { workspaceId: WS, projectId: '../a/b?c=%2e' } });
    expect(h.server.requests[0]!.url).toBe(`/api/v1/workspaces/${WS}/projects/..%2Fa%2Fb%3Fc%3D%252e`);
  });

  it('acquires the rate limiter before every attempt, capped at 50 per second', async () => {
    h.reply = (_, i) => (i === 0 ? { status: 502, body: {} } : { status: 200, body: {} });
    const calls: [string, number][] = [];
    const rateLimiter = { acquire: async (key: string, max: number) => (calls.push([key, max]), 0) };
    await h
      .client({ rateLimiter, workspaceKey: 'ws-rl', maxRps: 80 })
      .execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    expect(calls).toEqual([
      ['ws-rl', 50],
      ['ws-rl', 50],
    ]);
  });

  it('asks a limit given as a function before each attempt (a limit changed mid-run applies to the next call)', async () => {
    h.reply = (_, i) => (i === 0 ? { status: 502, body: {} } : { status: 200, body: {} });
    const calls: number[] = [];
    const rateLimiter = { acquire: async (_key: string, max: number) => (calls.push(max), 0) };
    let limit = 20;
    const client = h.client({ rateLimiter, workspaceKey: 'ws-live', maxRps: () => limit-- });
    await client.execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    limit = 0;
    await client.execute('getProject', { path: { workspaceId: WS, projectId: PROJECT } });
    // 20 then 19 for the retried call; 0 means no limit of the workspace's own, so Clockify's 50.
    expect(calls).toEqual([20, 19, 50]);
  });

  it('sends raw requests by path on the API host, refusing anything that leaves it', async () => {
    h.reply = () => ({ status: 200, body: [{ id: 'w1' }] });
    const res = await h.client().request({ method: 'GET', path: `/v1/workspaces/${WS}/addons/x/webhooks`, query: { a: [1, 2] } });
    expect(res.body).toEqual([{ id: 'w1' }]);
    expect(h.server.requests[0]!.url).toBe(`/api/v1/workspaces/${WS}/addons/x/webhooks?a=1&a=2`);
    for (const path of ['https://evil.test/x', '//evil.test/x', 'v1/x', '/v1/../../x']) {
      await expect(h.client().request({ method: 'GET', path })).rejects.toThrow(ClockifyValidationError);
    }
  });
});
