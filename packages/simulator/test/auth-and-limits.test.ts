import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI } from './utils';

/** Waits for the start of the next wall-clock second, so a burst lands in one aligned window. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

describe('tokens, unknown paths and the rate limit', () => {
  let sim: TSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI, seed: { workspaces: [{}, {}] }, rateLimitPerSecond: 10 });
  });
  afterAll(() => sim.close());
  const path = () => `/api/v1/workspaces/${sim.workspace().id}/projects`;

  it("answers 401 without a token, with a garbage token, and with another workspace's token", async () => {
    for (const token of [null, 'not-a-jwt', sim.workspaces[1]!.token]) {
      const res = await call(sim, { method: 'GET', path: path() }, { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: expect.any(String), code: 401 });
    }
    expect((await call(sim, { method: 'GET', path: path() })).status).toBe(200);
  });

  it('accepts a user (iframe) token for its workspace until it expires', async () => {
    const ws = sim.workspace();
    expect(
      (await call(sim, { method: 'GET', path: path() }, { token: await sim.userToken(ws.id, { role: 'WORKSPACE_ADMIN' }) })).status,
    ).toBe(200);
    expect((await call(sim, { method: 'GET', path: path() }, { token: await sim.userToken(ws.id, { ttlSec: -10 }) })).status).toBe(401);
  });

  it('answers 404 like Clockify for unknown paths and 405 for a wrong method', async () => {
    const unknown = await call(sim, { method: 'GET', path: `/api/v1/workspaces/${sim.workspace().id}/nothing-here` });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: expect.any(String), code: 404 });
    expect((await call(sim, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
    expect((await call(sim, { method: 'PATCH', path: path() })).status).toBe(405);
  });

  it('records requests with the token redacted', async () => {
    sim.clearRequests();
    await call(sim, { method: 'GET', path: path() });
    const [r] = sim.requests;
    expect(r).toMatchObject({ method: 'GET', operationId: 'getProjects', workspaceId: sim.workspace().id, status: 200 });
    expect(r!.headers['x-addon-token']).toBe('[token]');
    expect(JSON.stringify(sim.requests)).not.toContain(sim.workspace().token);
  });

  it('records the query parameters each request carried (none when there were none)', async () => {
    sim.clearRequests();
    await call(sim, { method: 'GET', path: path() });
    await call(sim, { method: 'GET', path: `${path()}?billable=false&clients=a&clients=b` });
    expect(sim.requests.map((r) => r.query)).toEqual([{}, { billable: 'false', clients: ['a', 'b'] }]);
  });

  it('answers 429 with Retry-After above the per-second limit, per workspace', async () => {
    let burst: Awaited<ReturnType<typeof call>>[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await nextSecond();
      sim.clearRequests();
      burst = await Promise.all(Array.from({ length: 14 }, () => call(sim, { method: 'GET', path: path() })));
      if (new Set(sim.requests.map((r) => Math.floor(r.at / 1000))).size === 1) break;
    }
    const other = await call(
      sim,
      { method: 'GET', path: `/api/v1/workspaces/${sim.workspaces[1]!.id}/projects` },
      { token: sim.workspaces[1]!.token },
    );
    const limited = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(10);
    expect(limited).toHaveLength(4);
    expect(limited[0]!.headers.get('retry-after')).toBe('1');
    expect(limited[0]!.body).toEqual({ message: 'Too many requests', code: 429 });
    expect(other.status).toBe(200);
    expect(sim.countPerSecond(sim.workspace().id)).toBe(14);
    expect(sim.countPerSecond(sim.workspaces[1]!.id)).toBe(1);
  });
});
