/**
 * Issue 17, cancel: disabling or deleting a flow cancels its queued, waiting and retrying executions (or lets
 * them finish), and `executions.cancel` stops a running one at its next step boundary, on each dialect. What
 * is sent is counted at a loopback receiver; "nothing afterwards" is checked after moving the wait's resume
 * time into the past, so a cancelled run that was still claimable would be picked up.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { entityCacheQueries, TABLE } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { runTimes, startSlowReceiver, statusesOf, statusOf, type TSlowReceiver } from './cancel-support';
import { edge, node } from './flow-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'cccccccccccccccccccccc17';
const manual = node('trigger', 'trigger', { source: 'manual' });
const call = (id: string, url: string) => node(id, 'http', { method: 'POST', url: JSON.stringify(url), headers: {}, body: '{}' });
const chain = (...nodes: ReturnType<typeof node>[]) => ({
  nodes: [manual, ...nodes],
  edges: nodes.map((n, i) => edge(i === 0 ? 'trigger' : nodes[i - 1]!.id, n.id)),
});

describe.each(dialects)('cancelling executions on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let rx: TSlowReceiver;
  const sql = () => server.deps.db.knex();

  beforeAll(async () => {
    rx = await startSlowReceiver();
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 1 }] } });
    server = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      worker: { concurrency: 4, leaseMs: 5_000 },
      env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' },
    });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    rx?.release();
    await server?.close();
    await sim?.close();
    await rx?.close();
  });
  beforeEach(() => {
    rx.reset();
    rx.hold();
  });

  /** A flow with maxConcurrent = 1 run three times: the first is held at the receiver, the other two queued. */
  const queueBehindHeldRun = async (name: string) => {
    const flow = await api.flows.create.mutate({
      name,
      enabled: true,
      maxConcurrent: 1,
      definition: chain(call('slow', `${rx.url}/hold`), call('second', `${rx.url}/second`)) as never,
    });
    const ids = await runTimes(api, flow.id, 3);
    await waitFor(async () => rx.count('/hold') === 1);
    expect(await statusesOf(api, ids)).toEqual(['running', 'queued', 'queued']);

    return { flow, ids };
  };

  it('disabling a flow cancels its execution parked on a 60 s wait; nothing is sent afterwards', async () => {
    rx.release();
    const flow = await api.flows.create.mutate({
      name: 'wait a minute',
      enabled: true,
      definition: chain(
        call('before', `${rx.url}/before`),
        node('pause', 'wait', { seconds: '60' }),
        call('after', `${rx.url}/after`),
      ) as never,
    });
    const { executionId } = await api.flows.run.mutate({ id: flow.id });
    await statusOf(api, executionId, ['waiting']);
    expect(rx.count('/before')).toBe(1);

    const result = await api.flows.setEnabled.mutate({ id: flow.id, enabled: false });
    expect(result).toMatchObject({ flow: { enabled: false }, cancelled: 1, cancelling: 0 });
    const cancelled = await api.executions.get.query({ id: executionId });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.finishedAt).not.toBeNull();
    expect(cancelled.cancel?.reason).toMatch(/^flow disabled by user \S+$/);
    const entry = cancelled.steps.at(-1)!;
    expect(entry).toMatchObject({ kind: 'cancel', status: 'cancelled', error: { code: 'CANCELLED', message: cancelled.cancel?.reason } });

    // Past the wait's boundary: its resume time moved into the past, the worker polls every 50 ms.
    await sql()(TABLE.execution)
      .where({ id: executionId })
      .update({ run_after: Date.now() - 1 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(rx.count('/after')).toBe(0);
    expect((await api.executions.get.query({ id: executionId })).status).toBe('cancelled');
    const listed = await api.executions.list.query({ status: 'cancelled', flowId: flow.id });
    expect(listed.items.map((e) => e.id)).toEqual([executionId]);
    await expect(api.executions.cancel.mutate({ id: executionId })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('cancels a running execution at its next step boundary: the step in flight finishes, the next is never sent', async () => {
    const flow = await api.flows.create.mutate({
      name: 'slow then second',
      definition: chain(call('slow', `${rx.url}/hold`), call('second', `${rx.url}/second`)) as never,
    });
    const { executionId } = await api.flows.run.mutate({ id: flow.id });
    await waitFor(async () => rx.count('/hold') === 1);
    // The caller as the workspace's cache knows them: the timeline names them.
    const { userId } = await api.meta.whoami.query();
    const user = { entityType: 'user', entityId: String(userId), name: 'Ada Admin', data: {} };
    await entityCacheQueries.upsertEntities(server.deps.db, ws, { entities: [user], now: Date.now(), ttlMs: 60_000 });
    expect(await api.executions.cancel.mutate({ id: executionId })).toEqual({ id: executionId, status: 'cancelling' });
    const asked = await api.executions.get.query({ id: executionId });
    expect(asked.status).toBe('running');
    expect(asked.cancel).toMatchObject({ by: userId, reason: `cancelled by Ada Admin (user ${userId})` });
    rx.release();

    const done = await statusOf(api, executionId, ['cancelled', 'succeeded', 'failed']);
    expect(done.status).toBe('cancelled');
    expect(done.steps.map((s) => `${s.nodeId ?? s.kind}:${s.status}`)).toEqual(['slow:succeeded', 'cancel:cancelled']);
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.count('/second')).toBe(0);
    await expect(api.executions.cancel.mutate({ id: 'no-such-execution' })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('deleting a flow cancels its queued executions and stops the running one', async () => {
    const { flow, ids } = await queueBehindHeldRun('one at a time');

    const result = await api.flows.delete.mutate({ id: flow.id });
    expect(result).toEqual({ id: flow.id, deleted: true, cancelled: 2, cancelling: 1 });
    expect(await statusesOf(api, ids)).toEqual(['running', 'cancelled', 'cancelled']);
    const queued = await api.executions.get.query({ id: ids[1]! });
    expect(queued.cancel?.reason).toMatch(/^flow deleted by Ada Admin \(user \S+\)$/);
    expect(queued.steps.map((s) => s.kind)).toEqual(['cancel']);
    rx.release();
    await statusOf(api, ids[0]!, ['cancelled']);
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.state.paths).toEqual(['/hold']);
  });

  it('with cancelRunning: false, disabling lets its queued and running executions finish', async () => {
    const { flow, ids } = await queueBehindHeldRun('let them finish');
    const result = await api.flows.setEnabled.mutate({ id: flow.id, enabled: false, cancelRunning: false });
    expect(result).toMatchObject({ cancelled: 0, cancelling: 0 });
    expect(await statusesOf(api, ids)).toEqual(['running', 'queued', 'queued']);
    rx.release();
    for (const id of ids) expect((await statusOf(api, id, ['succeeded', 'failed', 'cancelled'])).status).toBe('succeeded');
    expect(rx.count('/second')).toBe(3);
  });
});
