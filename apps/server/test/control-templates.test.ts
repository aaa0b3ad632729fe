/**
 * Issue 15's control-flow templates end to end through a server on each dialect, their endpoint swapped
 * for a loopback receiver: the failure notification, the time-off router (approve / reject in the
 * simulator, tag for review at the receiver) and the weekly hours report (one detailed report per user).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { NOTIFY_EXECUTION_FAILED, ROUTE_TIME_OFF_REQUESTS, WEEKLY_UNDER_40_HOURS } from '@uw/flow-engine';
import { testDialects } from '@uw/db/testing';

import { createAndRun, edge, finished, node, post, startFlowScenario, type TReceiverScenario } from './flow-support';
import { REQUIRE_PG, simData, TEST_PG_ADMIN_URL, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'eeeeeeeeeeeeeeeeeeeeee15';
const DAY_MS = 86_400_000;

type TTemplate = { definition: { nodes: { id: string; data: object }[] } };

/** The template's definition with node `nodeId` posting to `url` instead of example.com. */
function pointedAt(template: TTemplate, nodeId: string, url: string) {
  const definition = structuredClone(template.definition);
  const target = definition.nodes.find((n) => n.id === nodeId);
  if (!target) throw new Error(`the template has no node ${nodeId}`);
  target.data = { ...target.data, url: JSON.stringify(url) };

  return definition;
}

describe.each(dialects)('the control-flow templates end to end on %s', (dialect) => {
  let sim: TReceiverScenario['sim'];
  let api: TReceiverScenario['api'];
  let receiver: TReceiverScenario['receiver'];
  let scenario: TReceiverScenario | undefined;
  const hitsAt = (path: string) => receiver.hits.filter((h) => h.path === path);

  beforeAll(async () => {
    scenario = await startFlowScenario({
      dialect,
      workspaceId: ws,
      seed: { workspaces: [{ id: ws, users: 3, projects: 1, tags: 1, timeEntries: 1 }] },
      receiver: true,
      server: { worker: { concurrency: 2, leaseMs: 3_000 }, env: { UW_FLOW_MAX_ATTEMPTS: '1' } },
    });
    ({ sim, api, receiver } = scenario);
  });
  afterAll(() => scenario?.close());
  beforeEach(() => {
    receiver.hits.length = 0;
    sim.clearRequests();
  });

  it('weekly-under-40-hours posts each active user under 40 hours last week, read from one detailed report per user', async () => {
    const data = simData(sim, ws);
    const [busy, light, idle] = data.users;
    const template = data.timeEntries[0]!;
    const dayStart = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`) - 2 * DAY_MS;
    const entry = (userId: string, hours: number, n: number) => {
      const copy = structuredClone(template);
      copy.id = `${template.id.slice(0, 20)}w${n}`;
      copy.userId = userId;
      copy.timeInterval = {
        ...copy.timeInterval,
        start: new Date(dayStart).toISOString(),
        end: new Date(dayStart + hours * 3_600_000).toISOString(),
      };

      return copy;
    };
    data.timeEntries.splice(0, data.timeEntries.length, entry(busy!.id, 45, 1), entry(light!.id, 10, 2));
    const definition = pointedAt(WEEKLY_UNDER_40_HOURS, 'report', `${receiver.url}/under-40`);
    const flow = await api.flows.create.mutate({ name: 'weekly', enabled: true, definition: definition as never });
    const run = await finished(api, (await api.flows.run.mutate({ id: flow.id })).executionId);

    expect(run.status).toBe('succeeded');
    const reports = sim.requests.filter((r) => r.operationId === 'generateDetailedReport');
    expect(
      reports
        .map((r) => (r.body as { users: { ids: string[] } }).users.ids)
        .flat()
        .sort(),
    ).toEqual([busy!.id, light!.id, idle!.id].sort());
    const posted = hitsAt('/under-40').map((h) => h.body as { userId: string; hours: number });
    expect(posted.map((p) => [p.userId, p.hours]).sort()).toEqual(
      [
        [light!.id, 10],
        [idle!.id, 0],
      ].sort(),
    );
  });

  it('route-time-off-requests approves a short request, rejects a long one and tags the rest for review', async () => {
    const requests = simData(sim, ws).timeOffRequests;
    const seeded = requests[0]!;
    const pending = (suffix: string, days: number) => {
      const start = Date.parse('2025-03-03T00:00:00.000Z');
      const copy = structuredClone(seeded);
      copy.id = `${seeded.id.slice(0, 20)}${suffix}`;
      copy.status = { ...copy.status, statusType: 'PENDING' };
      copy.timeOffPeriod = { period: { start: new Date(start).toISOString(), end: new Date(start + days * DAY_MS - 1).toISOString() } };
      requests.push(copy);

      return copy;
    };
    const [short, long, middling] = [pending('aaa1', 2), pending('aaa2', 30), pending('aaa3', 10)];
    const definition = pointedAt(ROUTE_TIME_OFF_REQUESTS, 'tag', `${receiver.url}/review`);
    const flow = await api.flows.create.mutate({ name: 'time off', enabled: true, definition: definition as never });
    const runs = [];
    for (const sample of [short, long, middling]) {
      runs.push(await finished(api, (await api.flows.run.mutate({ id: flow.id, sample })).executionId));
    }
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const changes = sim.requests.filter((r) => r.operationId === 'changeTimeOffRequestStatus');
    expect(changes.map((r) => [r.method, r.path, (r.body as { status: string }).status])).toEqual([
      ['PATCH', `/api/v1/workspaces/${ws}/time-off/policies/${short.policyId}/requests/${short.id}`, 'APPROVED'],
      ['PATCH', `/api/v1/workspaces/${ws}/time-off/policies/${long.policyId}/requests/${long.id}`, 'REJECTED'],
    ]);
    const statusOf = (id: string) => requests.find((r) => r.id === id)?.status.statusType;
    expect([statusOf(short.id), statusOf(long.id), statusOf(middling.id)]).toEqual(['APPROVED', 'REJECTED', 'PENDING']);
    expect(hitsAt('/review').map((h) => h.body)).toEqual([
      { tag: 'needs-review', requestId: middling.id, userId: middling.userId, days: 10, status: 'PENDING' },
    ]);
  });

  // Last: from here on every failure in the workspace notifies.
  it('notify-execution-failed posts the failed execution to the receiver', async () => {
    const notifier = await api.flows.create.mutate({
      name: 'notify',
      enabled: true,
      definition: pointedAt(NOTIFY_EXECUTION_FAILED, 'notify', `${receiver.url}/notified`) as never,
    });
    const failing = {
      nodes: [node('trigger', 'trigger', { source: 'manual' }), post('call', `${receiver.url}/fail-call`, '{}')],
      edges: [edge('trigger', 'call')],
    };
    const { flowId, execution } = await createAndRun(api, { name: 'fails', definition: failing });
    expect(execution.status).toBe('failed');
    const [hit] = await waitFor(async () => (hitsAt('/notified').length > 0 ? hitsAt('/notified') : null));
    expect(hit!.body).toMatchObject({
      event: 'EXECUTION_FAILED',
      workspaceId: ws,
      failure: {
        event: 'EXECUTION_FAILED',
        flow: { id: flowId, name: 'fails' },
        execution: { id: execution.id },
        error: { nodeId: 'call' },
      },
    });
    const sent = await waitFor(async () => {
      const page = await api.flows.executions.query({ flowId: notifier.id });

      return page.items.length === 1 && page.items[0]!.status === 'succeeded' ? page.items : null;
    });
    expect(sent).toHaveLength(1);
    await api.flows.delete.mutate({ id: notifier.id });
  });
});
