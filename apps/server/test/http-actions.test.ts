import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, startTestServer, trpcClient, waitFor, type TTestServer } from './utils';

/** Generic HTTP actions end to end: an allow-listed local target is reached; private addresses are refused. */
describe('HTTP actions through the SSRF guard', () => {
  let sim: TSimulator;
  let server: TTestServer;
  let target: Server;
  let blocked: Server;
  const hits: { path: string; headers: Record<string, unknown>; body: string }[] = [];
  let blockedHits = 0;
  let targetUrl = '';
  let blockedUrl = '';
  const ws = 'abababababababababababab';
  let api: ReturnType<typeof trpcClient>;

  const flowTo = (url: string) => ({
    nodes: [
      { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_CLIENT'] } },
      {
        id: 'forward',
        kind: 'http',
        position: { x: 0, y: 100 },
        data: { method: 'POST', url: JSON.stringify(url), headers: { 'x-event': 'event.type' }, body: '{ "client": payload.name }' },
      },
    ],
    edges: [{ id: 'e', source: 'trigger', target: 'forward' }],
  });
  const runOnce = async () => {
    const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_CLIENT' });
    const logId = (delivered.response as { id: string }).id;
    const execId = await waitFor(async () => (await api.webhooks.get.query({ id: logId })).executions[0]?.id);

    return waitFor(async () => {
      const e = await api.executions.get.query({ id: execId });

      return e.status === 'succeeded' || e.status === 'filtered' || e.status === 'failed' ? e : null;
    }, 20_000);
  };

  beforeAll(async () => {
    target = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', headers: req.headers, body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ received: true }));
      });
    }).listen(0, '127.0.0.2');
    blocked = createServer((_req, res) => {
      blockedHits++;
      res.end('should never be reached');
    }).listen(0, '127.0.0.1');
    await Promise.all([new Promise((r) => target.once('listening', r)), new Promise((r) => blocked.once('listening', r))]);
    targetUrl = `http://127.0.0.2:${(target.address() as AddressInfo).port}/hook`;
    blockedUrl = `http://127.0.0.1:${(blocked.address() as AddressInfo).port}/internal`;
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1 }] } });
    server = await startTestServer({
      dialect: 'sqlite',
      clockifyPem: sim.publicKeyPem,
      worker: {},
      env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' },
    });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    target?.close();
    blocked?.close();
  });

  it('reaches an allow-listed endpoint with mapped headers, body and an idempotency key', async () => {
    const flow = await api.flows.create.mutate({ name: 'forward', enabled: true, definition: flowTo(targetUrl) as never });
    const execution = await runOnce();
    expect(execution.status).toBe('succeeded');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.headers['x-event']).toBe('NEW_CLIENT');
    expect(hits[0]!.headers['idempotency-key']).toBe(`${execution.id}:forward`);
    expect(JSON.parse(hits[0]!.body)).toHaveProperty('client');
    await api.flows.delete.mutate({ id: flow.id });
  });

  it('refuses a private address (loopback, not allow-listed) without opening a connection', async () => {
    const flow = await api.flows.create.mutate({ name: 'internal', enabled: true, definition: flowTo(blockedUrl) as never });
    const execution = await runOnce();
    expect(execution.status).toBe('failed');
    expect((execution.error as { code: string }).code).toBe('SSRF_BLOCKED');
    expect(blockedHits).toBe(0);
    await api.flows.delete.mutate({ id: flow.id });
  });

  it('refuses the cloud metadata address', async () => {
    const flow = await api.flows.create.mutate({
      name: 'metadata',
      enabled: true,
      definition: flowTo('http://169.254.169.254/latest/meta-data/') as never,
    });
    const execution = await runOnce();
    expect(execution.status).toBe('failed');
    expect((execution.error as { code: string }).code).toBe('SSRF_BLOCKED');
    await api.flows.delete.mutate({ id: flow.id });
  });

  it('turns HTTP actions off with the workspace setting', async () => {
    await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: [{ id: 'enable_generic_http_actions', name: 'x', value: false }],
      },
    );
    const flow = await api.flows.create.mutate({ name: 'off', enabled: true, definition: flowTo(targetUrl) as never });
    const execution = await runOnce();
    expect(execution.status).toBe('failed');
    expect((execution.error as { code: string }).code).toBe('FEATURE_DISABLED');
    expect(hits).toHaveLength(1);
    await api.flows.delete.mutate({ id: flow.id });
  });

  it('stops queueing executions when enable_flows is off', async () => {
    await api.flows.create.mutate({ name: 'still here', enabled: true, definition: flowTo(targetUrl) as never });
    await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      { settings: [{ id: 'enable_flows', name: 'x', value: false }] },
    );
    const delivered = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_CLIENT' });
    expect((delivered.response as { outcome: string }).outcome).toBe('no_match');
  });
});
