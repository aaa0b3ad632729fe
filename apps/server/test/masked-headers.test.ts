import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { MASKED_HEADER_EXPRESSION, type TFlowDefinition } from '@uw/flow-engine';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { runEvent } from './run-event';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ee5e5e5e5e5e5e5e5e5e5e06';
const CANARY = 'Bearer header-canary-7f3a91';

/**
 * Issue 12, row 5: HTTP-action header values (credentials) were returned by `flows.get` and
 * `executions.get`. They are masked in every response, and a document sent back masked keeps the stored values.
 */
describe.each(dialects)('HTTP-action headers are masked on %s (issue 12 row 5)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let target: Server;
  let api: ReturnType<typeof trpcClient>;
  const received: IncomingHttpHeaders[] = [];
  let flowId = '';

  const definition = (url: string): TFlowDefinition => ({
    nodes: [
      { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_CLIENT'] } },
      {
        id: 'call',
        kind: 'http',
        position: { x: 0, y: 100 },
        data: { method: 'POST', url: JSON.stringify(url), headers: { Authorization: JSON.stringify(CANARY), 'x-event': 'event.type' } },
      },
    ],
    edges: [{ id: 'e', source: 't', target: 'call' }],
  });
  beforeAll(async () => {
    target = createServer((req, res) => {
      received.push(req.headers);
      req.resume().on('end', () => res.end('{"ok":true}'));
    }).listen(0, '127.0.0.2');
    await new Promise((r) => target.once('listening', r));
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1 }] } });
    server = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      worker: {},
      env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' },
    });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const url = `http://127.0.0.2:${(target.address() as AddressInfo).port}/hook`;
    flowId = (await api.flows.create.mutate({ name: 'with credentials', enabled: true, definition: definition(url) as never })).id;
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    target?.close();
  });

  it('shows header names with masked values in flows.get and flows.versions', async () => {
    const flow = await api.flows.get.query({ id: flowId });
    const node = flow.definition.nodes.find((n) => n.id === 'call')!;
    expect(node.kind === 'http' && node.data.headers).toEqual({
      Authorization: MASKED_HEADER_EXPRESSION,
      'x-event': MASKED_HEADER_EXPRESSION,
    });
    const versions = await api.flows.versions.query({ id: flowId });
    expect(JSON.stringify([flow, versions, await api.flows.list.query()])).not.toContain('header-canary');
  });

  it('keeps the stored value when an update sends the masked one back, and sends it for real', async () => {
    const shown = (await api.flows.get.query({ id: flowId })).definition;
    const edited = { ...shown, nodes: shown.nodes.map((n) => (n.id === 'call' ? { ...n, label: 'edited' } : n)) };
    await api.flows.update.mutate({ id: flowId, data: { definition: edited as never } });
    const stored = await server.deps.db.knex()('universal_webhook_flow_version').where({ workspace_id: ws, flow_id: flowId });
    expect(stored).toHaveLength(2);
    expect(stored.every((v: { definition: unknown }) => JSON.stringify(v.definition).includes('header-canary'))).toBe(true);
    const execution = await runEvent(api, sim, { serverUrl: server.url, ws, event: 'NEW_CLIENT' });
    expect(execution.status).toBe('succeeded');
    expect(received.at(-1)?.authorization).toBe(CANARY);
    expect(execution.version).toBe(2);
    const step = execution.steps.find((s) => s.nodeId === 'call')!;
    // The flow's own headers are masked; the engine adds an Idempotency-Key (execution id + step), masked like every value.
    const headers = (step.request as { headers: Record<string, string> }).headers;
    expect(headers).toMatchObject({ Authorization: '••••', 'x-event': '••••' });
    expect(Object.keys(headers).sort()).toEqual(['Authorization', 'Idempotency-Key', 'x-event']);
    expect(received.at(-1)?.['idempotency-key']).toMatch(new RegExp(`^${execution.id}:call$`));
    expect(JSON.stringify(execution)).not.toContain('header-canary');
  });

  it('takes masked values from the version a document was opened from (baseVersion)', async () => {
    const stored = async () => {
      const v = await server.deps.db
        .knex()('universal_webhook_flow_version')
        .where({ workspace_id: ws, flow_id: flowId })
        .orderBy('version', 'desc')
        .first();

      return JSON.stringify(v.definition);
    };
    const current = (await api.flows.get.query({ id: flowId })).definition;
    const rotated = current.nodes.map((n) =>
      n.kind === 'http' ? { ...n, data: { ...n.data, headers: { ...n.data.headers, Authorization: '"Bearer rotated-canary"' } } } : n,
    );
    await api.flows.update.mutate({ id: flowId, data: { definition: { ...current, nodes: rotated } as never } });
    expect(await stored()).toContain('rotated-canary');
    const versions = await api.flows.versions.query({ id: flowId });
    const first = versions.find((v) => v.version === 1)!;
    await api.flows.update.mutate({ id: flowId, data: { definition: first.definition as never, baseVersion: 1 } });
    expect(await stored()).toContain('header-canary');
    expect(await stored()).not.toContain('rotated-canary');
    const missing = await api.flows.update
      .mutate({ id: flowId, data: { definition: first.definition as never, baseVersion: 99 } })
      .catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/version 99/);
  });

  it('masks the requests a dry run shows, using the saved values for a masked document', async () => {
    const shown = (await api.flows.get.query({ id: flowId })).definition;
    const dry = await api.flows.test.mutate({ id: flowId, definition: shown as never, sample: { eventType: 'NEW_CLIENT', payload: {} } });
    expect(JSON.stringify(dry)).toContain('••••');
    expect(JSON.stringify(dry)).not.toContain('header-canary');
  });

  it('refuses a masked value with nothing stored behind it (a new header) instead of storing the mask', async () => {
    const shown = (await api.flows.get.query({ id: flowId })).definition;
    const withNew = {
      ...shown,
      nodes: shown.nodes.map((n) =>
        n.kind === 'http' ? { ...n, data: { ...n.data, headers: { ...n.data.headers, 'X-New': MASKED_HEADER_EXPRESSION } } } : n,
      ),
    };
    const refused = await api.flows.update.mutate({ id: flowId, data: { definition: withNew as never } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).message).toMatch(/X-New.*mask/);
    expect(((refused as TRPCClientError<never>).data as unknown as { appCode?: string }).appCode).toBe('VALIDATION_FAILED');
    const created = await api.flows.create.mutate({ name: 'copy', enabled: true, definition: shown as never }).catch((e: unknown) => e);
    expect((created as Error).message).toMatch(/Authorization.*mask/);
    expect((await api.flows.versions.query({ id: flowId })).length).toBe(4);
  });
});
