import type { Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { secretFlow, startReceiver, type TReceived } from './secret-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ee5e5e5e5e5e5e5e5e5e5e17';
const VALUE = 'sk-live-canary-5e1f2a9c';
const PATH_VALUE = 'T0CANARY/B0PATH/x9y8z7';
const METRICS_TOKEN = 'metrics-token-for-secrets-test';

/**
 * Issue 17 point 1, done when: a secret sent in a header (and one in the URL path) reaches a loopback
 * receiver, and neither value appears in any table, the debug log, /metrics or any answer the SPA fetches.
 */
describe.each(dialects)('workspace secrets never leak on %s (issue 17)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let receiver: { server: Server; base: string; received: TReceived[] };
  let api: ReturnType<typeof trpcClient>;
  let flowId = '';
  let execution: Awaited<ReturnType<ReturnType<typeof trpcClient>['executions']['get']['query']>>;
  let logId = '';

  beforeAll(async () => {
    receiver = await startReceiver();
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1 }] } });
    server = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      worker: {},
      env: {
        LOG_LEVEL: 'debug',
        UW_METRICS_TOKEN: METRICS_TOKEN,
        UW_HTTP_ALLOWLIST: '127.0.0.2:*',
        UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true',
      },
    });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    await api.secrets.create.mutate({ name: 'api', description: 'the receiver API key', value: VALUE });
    await api.secrets.create.mutate({ name: 'hook.path', value: PATH_VALUE });
    const definition = secretFlow({ base: receiver.base, name: 'api', pathSecret: 'hook.path', trigger: 'NEW_CLIENT' });
    flowId = (await api.flows.create.mutate({ name: 'sends a secret', enabled: true, definition: definition as never })).id;
    // The payload carries text shaped like a placeholder (without this process's marker): it stays text.
    const forged = { name: '⟦secret::api⟧ and ⟦secret:guess:api⟧' };
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_CLIENT' },
      { body: { ...forged, id: 'c1', workspaceId: ws } },
    );
    logId = (delivered.response as { id: string }).id;
    const id = await waitFor(async () => (await api.webhooks.get.query({ id: logId })).executions[0]?.id);
    execution = await waitFor(async () => {
      const e = await api.executions.get.query({ id });

      return e.status === 'succeeded' || e.status === 'failed' ? e : null;
    }, 20_000);
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    receiver?.server.close();
  });

  it('sends the values, resolved at send time, to the receiver', () => {
    expect(execution.status, JSON.stringify(execution.error)).toBe('succeeded');
    const first = receiver.received[0]!;
    expect(first.headers.authorization).toBe(`Bearer ${VALUE}`);
    expect(first.url).toBe(`/hook/${PATH_VALUE}`);
    expect(JSON.parse(first.body)).toEqual({ name: '⟦secret::api⟧ and ⟦secret:guess:api⟧' });
  });

  it('records •••• in place of each value, in the request and in an answer that echoes it', () => {
    const step = execution.steps.find((s) => s.nodeId === 'call')!;
    expect((step.request as { url: string }).url).toBe(`${receiver.base}/hook/••••`);
    expect(step.response).toMatchObject({ body: { echo: { bearer: 'Bearer ••••', url: '/hook/••••' } } });
  });

  it('stores neither value in any table (every column of every row)', async () => {
    const knex = server.deps.db.knex();
    const tables: string[] =
      dialect === 'postgresql'
        ? await knex('pg_tables').where({ schemaname: 'public' }).pluck('tablename')
        : await knex('sqlite_master').where({ type: 'table' }).pluck('name');
    expect(tables).toContain('universal_webhook_secret');
    const dump = JSON.stringify(await Promise.all(tables.map(async (t) => [t, await knex(t).select('*')])));
    expect(dump).toContain(`"v1.${server.deps.api.cipher.primaryKeyId}.`);
    for (const value of [VALUE, PATH_VALUE, encodeURI(PATH_VALUE)]) expect(dump.includes(value), `${value} stored`).toBe(false);
  });

  it('writes neither value to the debug log nor to /metrics', async () => {
    const logs = server.logs.join('\n');
    expect(logs).toContain('outbound http');
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('uw_');
    for (const value of [VALUE, PATH_VALUE]) {
      expect(logs.includes(value), 'in the log').toBe(false);
      expect(metrics.includes(value), 'in /metrics').toBe(false);
    }
  });

  it('returns neither value in any answer the SPA fetches for the flow and its execution', async () => {
    const answers = await Promise.all([
      api.flows.list.query(),
      api.flows.get.query({ id: flowId }),
      api.flows.versions.query({ id: flowId }),
      api.flows.executions.query({ flowId }),
      api.flows.test.mutate({ id: flowId, sample: { eventType: 'NEW_CLIENT', payload: { name: 'dry' } } }),
      api.executions.list.query({}),
      api.executions.get.query({ id: execution.id }),
      api.webhooks.list.query({}),
      api.webhooks.get.query({ id: logId }),
      api.webhooks.stats.query({}),
      api.dashboard.get.query(),
      api.settings.get.query(),
      api.secrets.list.query(),
    ]);
    const all = JSON.stringify(answers);
    for (const value of [VALUE, PATH_VALUE]) expect(all.includes(value)).toBe(false);
    expect(all).not.toMatch(/⟦secret:[A-Za-z0-9_-]{8,}:/);
    const listed = answers.at(-1) as { name: string; usedBy: { id: string }[] }[];
    expect(listed.map((s) => [s.name, s.usedBy.map((f) => f.id)])).toEqual([
      ['api', [flowId]],
      ['hook.path', [flowId]],
    ]);
  });
});
