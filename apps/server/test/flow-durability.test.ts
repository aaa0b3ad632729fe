/**
 * Issue 15, durability through real servers on each dialect: a wait survives a restart (stop the server,
 * start another on the same database, the execution finishes); a schedule tick missed while nothing ran
 * fires once at start, not once per missed tick; on PostgreSQL two processes racing fire each tick once.
 */
import type { Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFlowScheduler } from '@uw/api';
import { TABLE } from '@uw/db';
import { createScratchDatabase, testDialects, type TScratch } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { edge, finished, node, post, startReceiver, type THit } from './flow-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'dddddddddddddddddddddd16';
const DAY = 86_400_000;

/** A daily UTC cron whose tick today was ~30 minutes ago (yesterday's when that is before midnight), and that tick. */
function dailyTickPast() {
  const tick = new Date(Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000);

  return { cron: `${tick.getUTCMinutes()} ${tick.getUTCHours()} * * *`, tick: tick.toISOString() };
}

describe.each(dialects)('flow durability on %s', (dialect) => {
  let sim: TSimulator;
  let scratch: TScratch;
  let receiver: { url: string; hits: THit[]; server: Server };
  const servers: TTestServer[] = [];
  const start = async (opts: { schedules?: boolean } = {}) => {
    const server = await startTestServer({
      dialect,
      scratch,
      clockifyPem: sim.publicKeyPem,
      worker: { leaseMs: 3_000 },
      env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' },
      ...(opts.schedules ? { schedules: { tickMs: 100 } } : {}),
    });
    servers.push(server);

    return { server, api: trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' })) };
  };
  /** Sets the flow's last change back in time: its schedule looks for ticks since then. */
  const backdate = (server: TTestServer, flowId: string, ms: number) =>
    server.deps.db
      .knex()(TABLE.flow)
      .where({ id: flowId })
      .update({ updated_at: Date.now() - ms });
  const scheduleFlow = (cron: string, path: string) => ({
    nodes: [node('trigger', 'trigger', { source: 'schedule', cron, timezone: 'UTC' }), post('send', `${receiver.url}${path}`, 'payload')],
    edges: [edge('trigger', 'send')],
  });

  beforeAll(async () => {
    receiver = await startReceiver();
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1 }] } });
    scratch = await createScratchDatabase(dialect, TEST_PG_ADMIN_URL);
    const { server } = await start();
    await installLikeClockify(sim, server.url, ws);
  });
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => undefined);
    await scratch?.drop();
    await sim?.close();
    receiver?.server.close();
  });

  it('a waiting execution survives a restart: another server on the same database finishes it', async () => {
    const first = servers.at(-1)!;
    const api = trpcClient(first.url, await sim.userToken(ws, { role: 'OWNER' }));
    const definition = {
      nodes: [
        node('trigger', 'trigger', { source: 'manual' }),
        node('pause', 'wait', { seconds: '2' }),
        post('after', `${receiver.url}/restart`, 'payload'),
      ],
      edges: [edge('trigger', 'pause'), edge('pause', 'after')],
    };
    const flow = await api.flows.create.mutate({ name: 'wait across restart', enabled: true, definition: definition as never });
    const { executionId } = await api.flows.run.mutate({ id: flow.id, sample: { n: 1 } });
    await waitFor(async () => (await api.executions.get.query({ id: executionId })).status === 'waiting');
    await first.close();
    servers.pop();
    expect(receiver.hits.filter((h) => h.path === '/restart')).toEqual([]);

    const { api: again } = await start();
    const done = await finished(again, executionId);
    expect(done.status).toBe('succeeded');
    expect(receiver.hits.filter((h) => h.path === '/restart').map((h) => h.body)).toEqual([{ n: 1 }]);
    expect(done.steps.filter((s) => s.kind === 'wait').map((s) => s.status)).toEqual(['parked', 'resumed']);
  });

  it('ticks missed while nothing ran fire once at start, for the latest tick', async () => {
    const before = servers.at(-1)!;
    const api = trpcClient(before.url, await sim.userToken(ws, { role: 'OWNER' }));
    const { cron, tick } = dailyTickPast();
    const flow = await api.flows.create.mutate({ name: 'daily', enabled: true, definition: scheduleFlow(cron, '/missed') as never });
    // Saved three days ago: three daily ticks were missed since.
    await backdate(before, flow.id, 3 * DAY);
    await before.close();
    servers.pop();

    const { server: scheduling, api: after } = await start({ schedules: true });
    const hits = await waitFor(async () => {
      const found = receiver.hits.filter((h) => h.path === '/missed');

      return found.length > 0 ? found : null;
    });
    // Several more scheduler ticks (every 100 ms) fire nothing more.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.hits.filter((h) => h.path === '/missed')).toHaveLength(1);
    expect(hits[0]!.body).toMatchObject({ scheduledAt: tick });
    expect(Date.parse((hits[0]!.body as { firedAt: string }).firedAt)).toBeGreaterThan(Date.parse(tick));
    expect((await after.flows.executions.query({ flowId: flow.id })).items).toHaveLength(1);
    // Its scheduler would fire the next test's ticks itself (flow changes reach it at once through the cluster bus).
    await scheduling.close();
    servers.pop();
  });

  if (dialect === 'postgresql')
    it('two processes on one database fire a tick once however they race', async () => {
      const { server: a, api } = await start();
      const { server: b } = await start();
      const { cron, tick } = dailyTickPast();
      const flow = await api.flows.create.mutate({ name: 'raced', enabled: true, definition: scheduleFlow(cron, '/raced') as never });
      await backdate(a, flow.id, 2 * DAY);
      await Promise.all([a.deps.runtime.flowIndex.refresh(), b.deps.runtime.flowIndex.refresh()]);
      const schedulers = [a, b, a, b, a, b].map((s) => createFlowScheduler(s.deps.runtime));
      const fired = await Promise.all(schedulers.map((s) => s.tick()));
      expect(fired.reduce((x, y) => x + y, 0)).toBe(1);
      expect(await Promise.all(schedulers.map((s) => s.tick()))).toEqual([0, 0, 0, 0, 0, 0]);
      const rows = await a.deps.db.knex()(TABLE.scheduleFire).where({ flow_id: flow.id });
      expect(rows.map((r: { tick_at: string | number }) => new Date(Number(r.tick_at)).toISOString())).toEqual([tick]);
      const [execution] = (await api.flows.executions.query({ flowId: flow.id })).items;
      expect((await finished(api, execution!.id)).status).toBe('succeeded');
      expect(receiver.hits.filter((h) => h.path === '/raced').map((h) => h.body)).toEqual([expect.objectContaining({ scheduledAt: tick })]);
    });
});
