import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRouter } from '@uw/api';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, installLikeClockify, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const A = 'aaaaaaaaaaaaaaaaaaaaaa0a';
const B = 'bbbbbbbbbbbbbbbbbbbbbb0b';

type TIds = { flowId: string; sourceId: string; keyId: string; logId: string; executionId: string; secretId: string };
type TCall = (api: ReturnType<typeof trpcClient>, b: TIds) => Promise<unknown>;

/**
 * Every procedure of the router, called by workspace A with workspace B's ids. Reads must answer NOT_FOUND
 * (or lists without B's data); writes must change nothing of B. A procedure missing here fails the suite.
 */
const CALLS: Record<string, TCall> = {
  'installation.status': (api) => api.installation.status.query(),
  'installation.repairWebhooks': async () => "not applicable: acts on the caller's own installation",
  'settings.get': (api) => api.settings.get.query(),
  'webhooks.list': (api) => api.webhooks.list.query({}),
  'webhooks.get': (api, b) => api.webhooks.get.query({ id: b.logId }),
  'webhooks.replay': (api, b) => api.webhooks.replay.mutate({ id: b.logId }),
  'webhooks.stats': (api) => api.webhooks.stats.query({ hours: 24 }),
  'flows.list': (api) => api.flows.list.query(),
  'flows.get': (api, b) => api.flows.get.query({ id: b.flowId }),
  'flows.create': async () => "not applicable: creates in the caller's own workspace",
  'flows.update': (api, b) => api.flows.update.mutate({ id: b.flowId, data: { name: 'hijacked' } }),
  'flows.delete': (api, b) => api.flows.delete.mutate({ id: b.flowId }),
  'flows.setEnabled': (api, b) => api.flows.setEnabled.mutate({ id: b.flowId, enabled: false }),
  'flows.versions': (api, b) => api.flows.versions.query({ id: b.flowId }),
  'flows.executions': (api, b) => api.flows.executions.query({ flowId: b.flowId }),
  'flows.test': (api, b) => api.flows.test.mutate({ id: b.flowId, sample: { eventType: 'NEW_PROJECT', payload: {} } }),
  'flows.run': (api, b) => api.flows.run.mutate({ id: b.flowId }),
  'flows.export': (api, b) => api.flows.export.query({ id: b.flowId }),
  'flows.checkImport': async () => "not applicable: checks a document against the caller's own workspace",
  'flows.import': async () => "not applicable: creates in the caller's own workspace",
  'flows.duplicate': (api, b) => api.flows.duplicate.mutate({ id: b.flowId }),
  'flows.backtest': (api, b) => api.flows.backtest.mutate({ id: b.flowId }),
  'executions.list': (api) => api.executions.list.query({}),
  'executions.get': (api, b) => api.executions.get.query({ id: b.executionId }),
  'executions.retry': (api, b) => api.executions.retry.mutate({ id: b.executionId }),
  'executions.cancel': (api, b) => api.executions.cancel.mutate({ id: b.executionId }),
  'sources.list': (api) => api.sources.list.query(),
  'sources.get': (api, b) => api.sources.get.query({ id: b.sourceId }),
  'sources.create': async () => "not applicable: creates in the caller's own workspace",
  'sources.update': (api, b) => api.sources.update.mutate({ id: b.sourceId, data: { name: 'hijacked' } }),
  'sources.delete': (api, b) => api.sources.delete.mutate({ id: b.sourceId }),
  'sources.rotateSecret': (api, b) => api.sources.rotateSecret.mutate({ id: b.sourceId }),
  'keys.list': (api) => api.keys.list.query(),
  'keys.create': async () => "not applicable: creates in the caller's own workspace",
  'keys.revoke': (api, b) => api.keys.revoke.mutate({ id: b.keyId }),
  'secrets.list': (api) => api.secrets.list.query(),
  'secrets.create': async () => "not applicable: creates in the caller's own workspace",
  'secrets.update': (api, b) => api.secrets.update.mutate({ id: b.secretId, data: { value: 'hijacked-value' } }),
  'secrets.delete': (api, b) => api.secrets.delete.mutate({ id: b.secretId }),
  'bootstrap.status': (api) => api.bootstrap.status.query(),
  'bootstrap.trigger': async () => "not applicable: acts on the caller's own workspace",
  'cache.search': (api) => api.cache.search.query({ entityType: 'project' }),
  'cache.counts': (api) => api.cache.counts.query(),
  'explorer.endpoints': (api) => api.explorer.endpoints.query({}),
  'explorer.operation': (api) => api.explorer.operation.query({ operationId: 'getProjects' }),
  // An explicit workspaceId of B must not make the call act on B: bindings always use the caller's workspace.
  'explorer.execute': (api) => api.explorer.execute.mutate({ operationId: 'getProjects', path: { workspaceId: B } }),
  'explorer.history': (api) => api.explorer.history.query({}),
  // Generated from the catalogue's schema: no workspace data in it.
  'explorer.eventExample': (api) => api.explorer.eventExample.query({ eventType: 'NEW_PROJECT' }),
  'dashboard.get': (api) => api.dashboard.get.query(),
  'meta.eventTypes': (api) => api.meta.eventTypes.query(),
  'meta.templates': (api) => api.meta.templates.query(),
  'meta.whoami': (api) => api.meta.whoami.query(),
  // A's trail, filtered by B's flow: nothing (entries are scoped by workspace).
  'audit.list': (api, b) => api.audit.list.query({ targetId: b.flowId }),
};
const SUBSCRIPTIONS = new Set(['webhooks.live', 'executions.live', 'bootstrap.progress']);

describe.each(dialects)('workspace isolation on %s (T1)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let apiA: ReturnType<typeof trpcClient>;
  let b: TIds;
  let snapshotB: () => Promise<string>;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: {
        workspaces: [
          { id: A, users: 1, projects: 1 },
          { id: B, users: 1, projects: 1 },
        ],
      },
    });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, A);
    await installLikeClockify(sim, server.url, B);
    apiA = trpcClient(server.url, await sim.userToken(A, { role: 'OWNER' }));
    const apiB = trpcClient(server.url, await sim.userToken(B, { role: 'OWNER' }));
    const flow = await apiB.flows.create.mutate({
      name: 'B flow',
      enabled: true,
      definition: {
        nodes: [{ id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_PROJECT'] } }],
        edges: [],
      },
    });
    const { source } = await apiB.sources.create.mutate({ name: 'B source', verification: { kind: 'none' } });
    const key = await apiB.keys.create.mutate({ name: 'B key' });
    const secret = await apiB.secrets.create.mutate({ name: 'b-secret', value: 'b-secret-value' });
    const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: B, eventType: 'NEW_PROJECT' });
    const logId = (delivered.response as { id: string }).id;
    const execs = await apiB.executions.list.query({});
    b = { flowId: flow.id, sourceId: source.id, keyId: key.id, logId, executionId: execs.items[0]?.id ?? 'none', secretId: secret.id };
    snapshotB = async () => {
      const knex = server.deps.db.knex();
      const tables = [
        'universal_webhook_flow',
        'universal_webhook_flow_version',
        'universal_webhook_custom_source',
        'universal_webhook_service_key',
        'universal_webhook_log',
        'universal_webhook_flow_execution',
        'universal_webhook_execution_step',
        'universal_webhook_secret',
        'universal_webhook_audit',
      ];
      const rows = await Promise.all(tables.map((t) => knex(t).where('workspace_id', B).orderBy('id')));

      return JSON.stringify(rows);
    };
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('covers every procedure of the router', () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => !SUBSCRIPTIONS.has(p));
    expect(procedures.filter((p) => !(p in CALLS))).toEqual([]);
  });

  it('gives workspace A nothing of workspace B and changes nothing of B', async () => {
    const before = await snapshotB();
    const leaks: string[] = [];
    for (const [name, call] of Object.entries(CALLS)) {
      try {
        const result = await call(apiA, b);
        const text = JSON.stringify(result);
        if (Object.values(b).some((id) => id !== 'none' && text.includes(id)) || text.includes(B)) leaks.push(`${name} returned B's data`);
      } catch (err) {
        const code = err instanceof TRPCClientError ? (err.data as { code?: string })?.code : 'THROWN';
        const refusal = name === 'explorer.execute' ? 'BAD_REQUEST' : 'NOT_FOUND';
        if (code !== refusal && code !== 'CONFLICT') leaks.push(`${name} failed with ${code}: ${(err as Error).message}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshotB()).toBe(before);
  });
});
