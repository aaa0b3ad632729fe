import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backtestFlow } from '@uw/api';
import { entityCacheQueries } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { edge, node } from './flow-support';
import { installLikeClockify, REQUIRE_PG, simData, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const A = 'cccccccccccccccccccccc0a';
const B = 'cccccccccccccccccccccc0b';
const UNKNOWN_PROJECT = 'ffffffffffffffffffffff01';

type TApi = ReturnType<typeof trpcClient>;

/** NEW_TIME_ENTRY → billable? → read a project (its id a literal) → post the entry's hours. */
const flowOf = (projectId: string) => ({
  nodes: [
    node('trigger', 'trigger', { source: 'clockify', events: ['NEW_TIME_ENTRY'] }),
    node('billable', 'condition', { expression: 'payload.billable = true' }),
    node('project', 'clockify', { operationId: 'getProject', path: { projectId: `"${projectId}"` }, query: {} }),
    node('notify', 'http', {
      method: 'POST',
      url: '"http://127.0.0.2:9/hook"',
      headers: { Authorization: '"Bearer canary-token-77"', 'Content-Type': '"application/json"' },
      body: '{ "entry": payload.id, "hours": $number(payload.hours) }',
    }),
  ],
  edges: [edge('trigger', 'billable'), edge('billable', 'project'), edge('project', 'notify')],
});

const issuesOf = (err: unknown) =>
  ((err as TRPCClientError<never>).data as unknown as { details?: { issues?: { path: string }[] } }).details?.issues ?? [];
const codeOf = (err: unknown) => (err instanceof TRPCClientError ? (err.data as { code?: string }).code : 'THROWN');

describe.each(dialects)('flow export, import, duplicate and back-test on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: TApi;
  let apiB: TApi;
  let flowId: string;
  let projectId: string;
  const webhookIds: string[] = [];
  let badEventId: string;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: {
        workspaces: [
          { id: A, users: 1, projects: 2 },
          { id: B, users: 1, projects: 1 },
        ],
      },
    });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, A);
    await installLikeClockify(sim, server.url, B);
    api = trpcClient(server.url, await sim.userToken(A, { role: 'OWNER' }));
    apiB = trpcClient(server.url, await sim.userToken(B, { role: 'OWNER' }));
    projectId = simData(sim, A).projects[0]!.id;
    // The cache holds A's projects (as a bootstrap would have left it).
    await entityCacheQueries.upsertEntities(server.deps.db, A, {
      entities: simData(sim, A).projects.map((p) => ({ entityType: 'project', entityId: p.id, name: p.name, data: p })),
      now: Date.now(),
      ttlMs: 3_600_000,
    });
    flowId = (
      await api.flows.create.mutate({
        name: 'Billable hours',
        description: 'posts hours',
        enabled: false,
        definition: flowOf(projectId) as never,
      })
    ).id;
    // 10 logged time entries, 4 billable, one of those with hours that are not a number; one event of another type.
    for (let i = 0; i < 10; i++) {
      const body = { id: `te-${i}`, workspaceId: A, billable: i < 4, hours: i === 2 ? 'lots' : String(i + 1) };
      const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: A, eventType: 'NEW_TIME_ENTRY' }, { body });
      const id = (delivered.response as { id: string }).id;
      webhookIds.push(id);
      if (i === 2) badEventId = id;
    }
    await sim.sendWebhook({ addonUrl: server.url, workspaceId: A, eventType: 'NEW_CLIENT' });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('export → import gives the same definition, a disabled flow, and no secret or workspace id in the document', async () => {
    const document = await api.flows.export.query({ id: flowId });
    expect(document).toMatchObject({ format: 'uw-flow', version: 1, name: 'Billable hours', description: 'posts hours' });
    const text = JSON.stringify(document);
    expect(text).not.toContain('canary-token-77');
    expect(text).not.toContain(A);
    expect(text).not.toContain(flowId);
    const imported = await api.flows.import.mutate({ document, name: 'Billable hours (imported)' });
    expect(imported.flow).toMatchObject({ name: 'Billable hours (imported)', enabled: false, currentVersion: 1 });
    expect(imported.warnings.filter((w) => w.code === 'CLOCKIFY_ID_NOT_CACHED')).toEqual([]);
    expect(imported.warnings.map((w) => w.code)).toContain('MASKED_HEADER');
    const [original, copy] = await Promise.all([api.flows.get.query({ id: flowId }), api.flows.get.query({ id: imported.flow.id })]);
    expect(copy.definition).toEqual(original.definition);
  });

  it('keeps $secret references as references: the same document back after a round trip, refused with its path where the secret is missing', async () => {
    await api.secrets.create.mutate({ name: 'hook-key', value: 'secret-value-9981' });
    const definition = flowOf(projectId);
    definition.nodes[3] = node('notify', 'http', {
      method: 'POST',
      url: '"http://127.0.0.2:9/hook"',
      headers: { 'X-Key': '$secret("hook-key")', Authorization: '"Bearer " & $secret("hook-key")' },
      body: '{ "entry": payload.id }',
    });
    const flow = await api.flows.create.mutate({ name: 'With a secret', enabled: false, definition: definition as never });
    const document = await api.flows.export.query({ id: flow.id });
    const text = JSON.stringify(document);
    expect(text).toContain('$secret(\\"hook-key\\")');
    expect(text).not.toContain('secret-value-9981');
    const imported = await api.flows.import.mutate({ document });
    expect(imported.warnings.map((w) => w.code)).not.toContain('MASKED_HEADER');
    expect((await api.flows.export.query({ id: imported.flow.id })).definition).toEqual(document.definition);
    const backtest = await api.flows.backtest.mutate({ id: flow.id, limit: 10 });
    expect(backtest.acted).toBeGreaterThan(0);
    expect(JSON.stringify(backtest)).not.toContain('secret-value-9981');
    const elsewhere = await apiB.flows.checkImport.mutate({ document });
    expect(elsewhere.errors).toContainEqual(
      expect.objectContaining({ code: 'SECRET_UNKNOWN', path: expect.stringMatching(/^definition\.nodes\[3\]\.data\.headers/) }),
    );
  });

  it('reports a Clockify id the target workspace does not know, with its path', async () => {
    const document = { ...(await api.flows.export.query({ id: flowId })), definition: flowOf(UNKNOWN_PROJECT) };
    const check = await api.flows.checkImport.mutate({ document });
    expect(check.errors).toEqual([]);
    expect(check.warnings).toContainEqual(
      expect.objectContaining({
        code: 'CLOCKIFY_ID_NOT_CACHED',
        entityType: 'project',
        id: UNKNOWN_PROJECT,
        path: 'definition.nodes[2].data.path.projectId',
      }),
    );
    const imported = await api.flows.import.mutate({ document });
    expect(imported.warnings.some((w) => w.id === UNKNOWN_PROJECT)).toBe(true);
    expect(imported.flow.enabled).toBe(false);
  });

  it('refuses an invalid document with errors that name their paths, and creates nothing', async () => {
    const before = (await api.flows.list.query()).length;
    const document = {
      format: 'uw-flow',
      version: 1,
      name: '',
      definition: {
        nodes: [node('t', 'trigger', { source: 'clockify', events: ['NEW_PROJECT'] }), node('h', 'http', { method: 'FETCH', url: '"x"' })],
        edges: [],
      },
    };
    const check = await api.flows.checkImport.mutate({ document });
    expect(check.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'definition.nodes[1].data.method']));
    const refused = await api.flows.import.mutate({ document }).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('BAD_REQUEST');
    expect(issuesOf(refused).map((i) => i.path)).toContain('definition.nodes[1].data.method');
    const notAFlow = await api.flows.checkImport.mutate({ document: { hello: 'world' } });
    expect(notAFlow.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['format', 'version', 'name']));
    const newer = await api.flows.checkImport.mutate({ document: { ...document, name: 'x', version: 2 } });
    expect(newer.errors).toContainEqual(expect.objectContaining({ path: 'version', message: expect.stringMatching(/newer version/) }));
    const graph = await api.flows.checkImport.mutate({ document: { ...document, name: 'x', definition: { nodes: [], edges: [] } } });
    expect(graph.errors[0]).toMatchObject({ path: 'definition' });
    expect((await api.flows.list.query()).length).toBe(before);
  });

  it('duplicates a flow as "<name> (copy)", disabled and independent of the original', async () => {
    const copy = await api.flows.duplicate.mutate({ id: flowId });
    expect(copy).toMatchObject({ name: 'Billable hours (copy)', enabled: false, currentVersion: 1 });
    expect(copy.id).not.toBe(flowId);
    const changed = flowOf(projectId);
    changed.nodes[1] = node('billable', 'condition', { expression: 'payload.billable = false' });
    await api.flows.update.mutate({ id: copy.id, data: { definition: changed as never } });
    const original = await api.flows.get.query({ id: flowId });
    expect(original.currentVersion).toBe(1);
    expect(JSON.stringify(original.definition)).toContain('payload.billable = true');
    // The copy kept the real header values (same workspace): its back-test builds the request the original would.
    const run = await api.flows.backtest.mutate({ id: copy.id, limit: 10 });
    expect(run.passed).toBe(6);
  });

  it('back-tests the last logged events of the trigger: counts, masked requests and the evaluation error with its event', async () => {
    const result = await api.flows.backtest.mutate({ id: flowId });
    expect(result).toMatchObject({ limit: 100, events: 10, evaluated: 10, passed: 4, acted: 3, requestCount: 6, partial: false });
    expect(result.trigger).toEqual({ source: 'clockify', eventTypes: ['NEW_TIME_ENTRY'], sourceId: null });
    const posts = result.requests.filter((r) => r.kind === 'http');
    expect(posts).toHaveLength(3);
    expect(posts[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.2:9/hook', headers: { Authorization: '••••' } });
    expect(posts.map((p) => (p.body as { entry: string }).entry).sort()).toEqual(['te-0', 'te-1', 'te-3']);
    const gets = result.requests.filter((r) => r.kind === 'clockify');
    expect(gets[0]).toMatchObject({ method: 'GET', operationId: 'getProject', url: `/v1/workspaces/${A}/projects/${projectId}` });
    expect(result.errors).toEqual([
      expect.objectContaining({ webhookId: badEventId, eventType: 'NEW_TIME_ENTRY', nodeId: 'notify', field: 'data.body' }),
    ]);
    expect(JSON.stringify(result)).not.toContain('canary-token-77');
    expect(webhookIds).toContain(result.requests[0]!.webhookId);
  });

  it('caps the limit at 500, takes the newest events first, and says when there are none', async () => {
    expect(codeOf(await api.flows.backtest.mutate({ id: flowId, limit: 501 }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    const three = await api.flows.backtest.mutate({ id: flowId, limit: 3 });
    expect(three).toMatchObject({ events: 3, evaluated: 3, passed: 0, acted: 0 });
    const none = await api.flows.backtest.mutate({
      definition: { nodes: [node('t', 'trigger', { source: 'clockify', events: ['NEW_PROJECT'] })], edges: [] } as never,
    });
    expect(none).toMatchObject({ events: 0, evaluated: 0, requests: [], errors: [] });
    const manual = await api.flows.backtest.mutate({
      definition: { nodes: [node('t', 'trigger', { source: 'manual' })], edges: [] } as never,
    });
    expect(manual.trigger).toBeNull();
  });

  it('stops at the time budget with a partial result', async () => {
    let clock = 0;
    const now = () => (clock += 4_000);
    const result = await backtestFlow(server.deps.runtime, { workspaceId: A, userId: null }, { id: flowId, now });
    expect(result).toMatchObject({ events: 10, partial: true });
    expect(result.evaluated).toBeGreaterThan(0);
    expect(result.evaluated).toBeLessThan(10);
  });

  it('keeps another workspace out: export, duplicate and back-test of A’s flow are not found; its events are not replayed', async () => {
    for (const call of [
      () => apiB.flows.export.query({ id: flowId }),
      () => apiB.flows.duplicate.mutate({ id: flowId }),
      () => apiB.flows.backtest.mutate({ id: flowId }),
    ]) {
      expect(codeOf(await call().catch((e: unknown) => e))).toBe('NOT_FOUND');
    }
    const own = await apiB.flows.backtest.mutate({ definition: flowOf(projectId) as never });
    expect(own.events).toBe(0);
  });
});
