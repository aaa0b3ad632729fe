import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI } from './utils';

describe('injected faults', () => {
  let sim: TSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.clear());
  const tags = () => `/api/v1/workspaces/${sim.workspace().id}/tags`;

  it('answers a status for the given number of matching requests, with Retry-After', async () => {
    sim.faults.add({ match: { operationId: 'getTags' }, status: 503, times: 2, retryAfter: 3 });
    const first = await call(sim, { method: 'GET', path: tags() });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body).toEqual({ message: expect.any(String), code: 503 });
    expect((await call(sim, { method: 'GET', path: tags() })).status).toBe(503);
    expect((await call(sim, { method: 'GET', path: tags() })).status).toBe(200);
  });

  it('matches on method and path', async () => {
    sim.faults.add({ match: { method: 'POST', pathIncludes: '/tags' }, status: 500 });
    expect((await call(sim, { method: 'GET', path: tags() })).status).toBe(200);
    expect((await call(sim, { method: 'POST', path: tags() }, { body: { name: 'x1' } })).status).toBe(500);
    expect(sim.faults.list()[0]!.hits).toBe(1);
  });

  it('adds latency before the real answer', async () => {
    sim.faults.add({ match: { operationId: 'getTags' }, latencyMs: 150, times: 1 });
    const t0 = Date.now();
    const res = await call(sim, { method: 'GET', path: tags() });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection (recorded with status 0)', async () => {
    sim.faults.add({ match: { operationId: 'getTags' }, dropConnection: true, times: 1 });
    await expect(call(sim, { method: 'GET', path: tags() })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 20));
    expect(sim.requests.at(-1)).toMatchObject({ operationId: 'getTags', status: 0 });
    expect((await call(sim, { method: 'GET', path: tags() })).status).toBe(200);
  });

  it('clear() removes every fault', async () => {
    sim.faults.add({ status: 502 });
    sim.faults.clear();
    expect((await call(sim, { method: 'GET', path: tags() })).status).toBe(200);
  });
});
