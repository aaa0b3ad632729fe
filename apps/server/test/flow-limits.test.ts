/**
 * Issue 17, per-flow limits, on each dialect: `maxConcurrent` holds at a slow loopback receiver (one worker
 * with four slots, then two servers' workers on one database), `maxPerMinute` starts three of five and keeps
 * the other two queued (never dropped) until its minute window has passed; out-of-range limits are refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { TABLE } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { runTimes, startSlowReceiver, statusesOf, statusOf, type TSlowReceiver } from './cancel-support';
import { edge, node } from './flow-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'cccccccccccccccccccccl17';
const env = { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' };
const slowFlow = (url: string) => ({
  nodes: [
    node('trigger', 'trigger', { source: 'manual' }),
    node('call', 'http', { method: 'POST', url: JSON.stringify(url), headers: {}, body: '{}' }),
  ],
  edges: [edge('trigger', 'call')],
});
const DONE = ['succeeded', 'failed', 'cancelled'];

describe.each(dialects)('per-flow limits on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let rx: TSlowReceiver;

  beforeAll(async () => {
    rx = await startSlowReceiver({ delayMs: 300 });
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, worker: { concurrency: 4, leaseMs: 5_000 }, env });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    await rx?.close();
  });
  beforeEach(() => rx.reset());

  it('validates the limits and shows them on the flow', async () => {
    const definition = slowFlow(`${rx.url}/x`) as never;
    await expect(api.flows.create.mutate({ name: 'zero', definition, maxConcurrent: 0 })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    await expect(api.flows.create.mutate({ name: 'huge', definition, maxPerMinute: 10_001 })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    const flow = await api.flows.create.mutate({ name: 'limited', definition, maxConcurrent: 2 });
    expect(flow).toMatchObject({ maxConcurrent: 2, maxPerMinute: null });
    const updated = await api.flows.update.mutate({ id: flow.id, data: { maxConcurrent: null, maxPerMinute: 30 } });
    expect(updated).toMatchObject({ maxConcurrent: null, maxPerMinute: 30 });
    expect((await api.flows.get.query({ id: flow.id })).maxPerMinute).toBe(30);
  });

  it('maxConcurrent = 1: five queued runs, never more than one at the receiver at once, all run', async () => {
    const flow = await api.flows.create.mutate({ name: 'one at a time', maxConcurrent: 1, definition: slowFlow(`${rx.url}/one`) as never });
    const ids = await runTimes(api, flow.id, 5);
    for (const id of ids) await statusOf(api, id, DONE);
    expect(await statusesOf(api, ids)).toEqual(Array(5).fill('succeeded'));
    expect(rx.count('/one')).toBe(5);
    expect(rx.state.maxInflight).toBe(1);
  });

  it('maxPerMinute = 3: three of five start, two wait queued and run once the minute has passed', async () => {
    const flow = await api.flows.create.mutate({
      name: 'three a minute',
      maxPerMinute: 3,
      definition: slowFlow(`${rx.url}/rate`) as never,
    });
    const ids = await runTimes(api, flow.id, 5);
    await waitFor(async () => (await statusesOf(api, ids)).filter((s) => s === 'succeeded').length === 3);
    // Many worker polls later, the other two are still queued: not started, not dropped.
    await new Promise((r) => setTimeout(r, 1_500));
    const statuses = await statusesOf(api, ids);
    expect(statuses.filter((s) => s === 'succeeded')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'queued')).toHaveLength(2);
    expect(rx.count('/rate')).toBe(3);

    // The window opened by the first start ends: move it a minute back instead of waiting for it.
    await server.deps.db
      .knex()(TABLE.flow)
      .where({ id: flow.id })
      .update({ minute_started_at: Date.now() - 61_000 });
    for (const id of ids) await statusOf(api, id, DONE);
    expect(await statusesOf(api, ids)).toEqual(Array(5).fill('succeeded'));
    expect(rx.count('/rate')).toBe(5);
  });

  it('two servers’ workers on one database respect maxConcurrent = 2 together', async () => {
    const url = server.deps.env.UNIVERSAL_WEBHOOK_DB_URL;
    if (!url) throw new Error('the first server has no database url');
    const second = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      worker: { concurrency: 4, leaseMs: 5_000 },
      env,
      scratch: { url, dialect, drop: async () => undefined },
    });
    try {
      const flow = await api.flows.create.mutate({
        name: 'two at a time',
        maxConcurrent: 2,
        definition: slowFlow(`${rx.url}/two`) as never,
      });
      const ids = await runTimes(api, flow.id, 8);
      for (const id of ids) await statusOf(api, id, DONE);
      expect(await statusesOf(api, ids)).toEqual(Array(8).fill('succeeded'));
      expect(rx.count('/two')).toBe(8);
      expect(rx.state.maxInflight).toBe(2);
    } finally {
      await second.close();
    }
  });
});
