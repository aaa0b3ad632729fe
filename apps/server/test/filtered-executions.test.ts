import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { billableTagFlow } from '../test-faults/support/scenario';
import { callRest } from './rest-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'f17e4ed0f17e4ed0f17e4e01';
const TOKEN = 'filtered-scrape';
const FLOW_NAME = 'Tag billable entries';

/** `billableTagFlow`: NEW_TIME_ENTRY → billable? → create a tag; a non-billable entry is stopped by the condition. */
const BILLABLE_TAG = billableTagFlow('billable');

/** Issue 16 point 7: a run its conditions ended is `filtered`, not `succeeded`, everywhere it is reported. */
describe.each(dialects)('filtered executions on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  const ids = { filtered: '', succeeded: '' };

  /** A time entry through the flow; the webhook's executions table names the flow. */
  const deliver = async (billable: boolean) => {
    const body = { id: `te-${billable}-${Math.random().toString(16).slice(2)}`, workspaceId: ws, billable };
    const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' }, { body });
    const logId = (delivered.response as { id: string }).id;
    const execution = await waitFor(async () => {
      const [e] = (await api.webhooks.get.query({ id: logId })).executions;

      return e && ['succeeded', 'filtered', 'failed'].includes(e.status) ? e : null;
    }, 20_000);

    expect(execution!.flowName).toBe(FLOW_NAME);

    return { logId, execution: execution! };
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    server = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      env: { UW_METRICS_TOKEN: TOKEN },
      worker: { leaseMs: 3_000 },
    });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    await api.flows.create.mutate({ name: FLOW_NAME, enabled: true, definition: BILLABLE_TAG as never });
    ids.filtered = (await deliver(false)).execution.id;
    ids.succeeded = (await deliver(true)).execution.id;
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('a run stopped by its condition is filtered, one that acted succeeded; both name their flow', async () => {
    const filtered = await api.executions.get.query({ id: ids.filtered });
    expect(filtered).toMatchObject({ status: 'filtered', flowName: FLOW_NAME, error: null });
    expect(filtered.finishedAt).not.toBeNull();
    expect(filtered.steps.find((s) => s.nodeId === 'billable')?.status).toBe('blocked');
    expect(filtered.steps.some((s) => s.nodeId === 'tag')).toBe(false);
    expect(await api.executions.get.query({ id: ids.succeeded })).toMatchObject({ status: 'succeeded', flowName: FLOW_NAME });
    const flows = await api.flows.list.query();
    expect(flows.find((f) => f.name === FLOW_NAME)?.lastRunStatus).toBe('succeeded');
  });

  it('the list filters by filtered and by succeeded, each row with the flow’s name', async () => {
    const filtered = await api.executions.list.query({ status: 'filtered' });
    expect(filtered.items.map((e) => [e.id, e.status, e.flowName])).toEqual([[ids.filtered, 'filtered', FLOW_NAME]]);
    const succeeded = await api.executions.list.query({ status: 'succeeded' });
    expect(succeeded.items.map((e) => e.id)).toEqual([ids.succeeded]);
    const all = await api.executions.list.query({});
    expect(all.items.every((e) => e.flowName === FLOW_NAME)).toBe(true);
  });

  it('the dashboard counts filtered apart from succeeded', async () => {
    const dashboard = await api.dashboard.get.query();
    expect(dashboard.executions.outcomes).toMatchObject({ filtered: 1, succeeded: 1 });
    expect(dashboard.executions.total).toBe(2);
  });

  it('/metrics counts finished executions with an outcome="filtered" label', async () => {
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toMatch(/^uw_executions_total\{outcome="filtered"\} 1$/m);
    expect(text).toMatch(/^uw_executions_total\{outcome="succeeded"\} 1$/m);
    expect(text).toMatch(/^uw_executions_total\{outcome="failed"\} 0$/m);
  });

  it('GET /api/v1/executions?status=filtered answers the filtered run with its flow’s name', async () => {
    const key = (await api.keys.create.mutate({ name: 'filtered read', scope: 'read' })).key;
    const answer = await callRest(server.url, { method: 'GET', path: '/executions?status=filtered', key });
    expect(answer.status).toBe(200);
    const body = answer.body as { items: { id: string; status: string; flowName: string | null }[] };
    expect(body.items.map((e) => [e.id, e.status, e.flowName])).toEqual([[ids.filtered, 'filtered', FLOW_NAME]]);
    const detail = await callRest(server.url, { method: 'GET', path: `/executions/${ids.filtered}`, key });
    expect(detail.body).toMatchObject({ status: 'filtered', flowName: FLOW_NAME });
  });

  it('refuses to retry a succeeded or filtered run from the failed step, naming why; from the start runs it again', async () => {
    for (const [id, why] of [
      [ids.filtered, /nothing failed.*filtered by its conditions/],
      [ids.succeeded, /nothing failed.*succeeded/],
    ] as const) {
      const refused = await api.executions.retry.mutate({ id }).catch((e: { data?: { code?: string }; message: string }) => e);
      expect(refused).toMatchObject({ data: { code: 'CONFLICT' } });
      expect((refused as { message: string }).message).toMatch(why);
    }
    const again = await api.executions.retry.mutate({ id: ids.filtered, from: 'start' });
    expect(again).toMatchObject({ retryOf: ids.filtered, reusedSteps: false });
    const rerun = await waitFor(async () => {
      const e = await api.executions.get.query({ id: again.id });

      return e.status === 'filtered' ? e : null;
    }, 20_000);
    expect(rerun.flowName).toBe(FLOW_NAME);
  });
});
