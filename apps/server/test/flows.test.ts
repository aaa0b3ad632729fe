import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import {
  REQUIRE_PG,
  simData,
  startTestServer,
  TEST_PG_ADMIN_URL,
  trpcClient,
  waitFor,
  webhookTokenFor,
  installLikeClockify,
  type TTestServer,
} from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'dddddddddddddddddddddd01';

/** NEW_TIME_ENTRY → billable? → read its project → create a tag named after the project (uses step 1's body). */
const TAG_FLOW = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'billable', kind: 'condition', position: { x: 0, y: 100 }, data: { expression: 'payload.billable = true' } },
    {
      id: 'project',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'getProject', path: { projectId: 'payload.projectId' }, query: {} },
    },
    {
      id: 'tag',
      kind: 'clockify',
      position: { x: 0, y: 300 },
      data: {
        operationId: 'createNewTag',
        path: {},
        query: {},
        body: '{ "name": "billable: " & steps.project.body.name & " " & payload.id }',
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'billable' },
    { id: 'e2', source: 'billable', target: 'project' },
    { id: 'e3', source: 'project', target: 'tag' },
  ],
} as const;

describe.each(dialects)('flows end to end on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let flowId: string;
  const projectId = () => simData(sim, ws).projects[0]!.id;
  const timeEntry = (billable: boolean, extra: object = {}) => ({
    id: `te-${Math.random().toString(16).slice(2)}`,
    workspaceId: ws,
    projectId: projectId(),
    billable,
    description: 'work',
    ...extra,
  });
  const finished = (id: string) =>
    waitFor(async () => {
      const e = await api.executions.get.query({ id });

      return e.status === 'succeeded' || e.status === 'filtered' || e.status === 'failed' ? e : null;
    }, 20_000);
  const executionOf = async (logId: string) => (await waitFor(async () => (await api.webhooks.get.query({ id: logId })).executions[0]))!.id;

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, clients: 1, projects: 2, tags: 1, timeEntries: 2 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, worker: { leaseMs: 3_000 } });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    flowId = (await api.flows.create.mutate({ name: 'Tag billable entries', enabled: true, definition: TAG_FLOW as never })).id;
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });
  beforeEach(() => sim.faults.clear());

  it('runs a matching webhook through the condition and two chained Clockify calls, with a timeline', async () => {
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(true) },
    );
    expect((delivered.response as { id: string; outcome: string }).outcome).toBe('queued');
    const execution = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(execution.status).toBe('succeeded');
    const projectName = simData(sim, ws).projects[0]!.name;
    const entryId = (delivered.body as { id: string }).id;
    expect(simData(sim, ws).tags.some((t) => t.name === `billable: ${projectName} ${entryId}`)).toBe(true);
    const kinds = execution.steps.map((s) => `${s.nodeId}:${s.status}`);
    expect(kinds).toEqual(expect.arrayContaining(['billable:passed', 'project:succeeded', 'tag:succeeded']));
    const tagStep = execution.steps.find((s) => s.nodeId === 'tag')!;
    expect(JSON.stringify(tagStep.request)).toContain(`billable: ${projectName} ${entryId}`);
    expect(execution.webhook?.eventType).toBe('NEW_TIME_ENTRY');
    expect(execution.version).toBe(1);
    expect(sim.violations).toEqual([]);
  });

  it('a false condition ends the branch without calling Clockify', async () => {
    const before = sim.requests.length;
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(false) },
    );
    const execution = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(execution.status).toBe('filtered');
    expect(execution.steps.find((s) => s.nodeId === 'billable')?.status).toBe('blocked');
    expect(execution.steps.some((s) => s.nodeId === 'project')).toBe(false);
    expect(sim.requests.slice(before).filter((r) => r.method !== 'GET' || r.path.includes('/projects/'))).toHaveLength(0);
  });

  it('queues nothing for an event no flow listens to', async () => {
    const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_CLIENT' });
    expect((delivered.response as { id: string; outcome: string }).outcome).toBe('no_match');
    expect((await api.webhooks.get.query({ id: (delivered.response as { id: string; outcome: string }).id })).executions).toEqual([]);
  });

  it('retries a 503 and then succeeds, recording each attempt', async () => {
    sim.faults.add({ match: { operationId: 'getProject' }, status: 503, times: 1 });
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(true) },
    );
    const execution = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(execution.status, JSON.stringify(execution)).toBe('succeeded');
    expect(execution.steps.filter((s) => s.nodeId === 'project').map((s) => s.status)).toEqual(['retrying', 'succeeded']);
  });

  it('honours Retry-After on a 429', async () => {
    sim.faults.add({ match: { operationId: 'getProject' }, status: 429, retryAfter: 2, times: 1 });
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(true) },
    );
    const execution = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(execution.status).toBe('succeeded');
    const attempts = execution.steps.filter((s) => s.nodeId === 'project');
    expect(attempts.map((s) => s.status)).toEqual(['retrying', 'succeeded']);
    expect(attempts[1]!.createdAt - attempts[0]!.createdAt).toBeGreaterThanOrEqual(1_900);
  });

  it('fails at once on a 400 without retrying', async () => {
    sim.faults.add({ match: { operationId: 'getProject' }, status: 400, times: 1 });
    const before = sim.requests.filter((r) => r.operationId === 'getProject').length;
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(true) },
    );
    const execution = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(execution.status).toBe('failed');
    expect(sim.requests.filter((r) => r.operationId === 'getProject').length - before).toBe(1);
    expect((execution.error as { nodeId: string }).nodeId).toBe('project');
  });

  it('retries a failed execution from the failed step, reusing what succeeded', async () => {
    sim.faults.add({ match: { operationId: 'createNewTag' }, status: 400, times: 1 });
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry(true) },
    );
    const failed = await finished(await executionOf((delivered.response as { id: string; outcome: string }).id));
    expect(failed.status).toBe('failed');
    const projectCalls = sim.requests.filter((r) => r.operationId === 'getProject').length;
    const retried = await api.executions.retry.mutate({ id: failed.id, from: 'failed_step' });
    const execution = await finished(retried.id);
    expect(execution.status).toBe('succeeded');
    expect(sim.requests.filter((r) => r.operationId === 'getProject').length).toBe(projectCalls);
  });

  it('versions: every definition change is a new immutable version, executions record theirs', async () => {
    const updated = await api.flows.update.mutate({
      id: flowId,
      data: {
        definition: {
          ...TAG_FLOW,
          nodes: TAG_FLOW.nodes.map((n) => (n.id === 'billable' ? { ...n, data: { expression: 'payload.billable' } } : n)),
        } as never,
      },
    });
    expect(updated.currentVersion).toBe(2);
    const versions = await api.flows.versions.query({ id: flowId });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    await api.flows.update.mutate({ id: flowId, data: { name: 'renamed' } });
    expect((await api.flows.versions.query({ id: flowId })).length).toBe(2);
  });

  it('refuses to save an invalid flow, naming the node', async () => {
    const bad = {
      ...TAG_FLOW,
      nodes: [
        ...TAG_FLOW.nodes.slice(0, 2),
        { ...TAG_FLOW.nodes[2], data: { operationId: 'noSuchOperation', path: {}, query: {} } },
        TAG_FLOW.nodes[3],
      ],
    };
    await expect(api.flows.create.mutate({ name: 'bad', enabled: true, definition: bad as never })).rejects.toThrow(
      /noSuchOperation|operation/i,
    );
  });

  it('dry run shows the would-be requests and sends nothing', async () => {
    const before = sim.requests.length;
    const result = await api.flows.test.mutate({
      definition: TAG_FLOW as never,
      sample: { eventType: 'NEW_TIME_ENTRY', payload: timeEntry(true) },
    });
    expect(JSON.stringify(result)).toContain('getProject');
    expect(sim.requests.length).toBe(before);
  });

  it('answers 5xx and leaves no partial row when the transaction fails after the log insert', async () => {
    const knex = server.deps.db.knex();
    if (dialect === 'sqlite') {
      await knex.raw(
        "create trigger uw_fail before insert on universal_webhook_flow_execution begin select raise(abort, 'injected failure'); end",
      );
    } else {
      await knex.raw(
        "create or replace function uw_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$",
      );
      await knex.raw('create trigger uw_fail before insert on universal_webhook_flow_execution for each row execute function uw_fail()');
    }
    const body = timeEntry(true, { description: 'must not be half written' });
    const deliver = () =>
      fetch(`${server.url}/webhooks/clockify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
          'clockify-signature': webhookTokenFor(sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url }),
        },
        body: JSON.stringify(body),
      });
    let failedStatus = 0;
    try {
      failedStatus = (await deliver()).status;
    } finally {
      await knex.raw(dialect === 'sqlite' ? 'drop trigger uw_fail' : 'drop trigger uw_fail on universal_webhook_flow_execution');
    }
    expect(failedStatus).toBeGreaterThanOrEqual(500);
    expect((await api.webhooks.list.query({ payload: { path: '$.id', equals: body.id } })).items).toEqual([]);
    // The dedup claim rolled back with the rest: the sender's retry is accepted, not called a duplicate.
    const retry = await deliver();
    expect(retry.status).toBe(200);
    expect((await retry.json()).outcome).toBe('queued');
  });
});
