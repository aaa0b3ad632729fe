import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'd15ab1edd15ab1edd15ab101';

const ON_NEW_TAG = {
  nodes: [{ id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TAG'] } }],
  edges: [],
};

/** Issue 16 point 6: a new flow is saved disabled; it listens only once enabled. */
describe.each(dialects)('new flows are saved disabled on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  const outcomeOf = async () => {
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TAG' },
      { body: { id: `tag-${Date.now()}`, workspaceId: ws, name: 'x' } },
    );

    return (delivered.response as { outcome: string }).outcome;
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, ws);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('flows.create without `enabled` saves it disabled: its events match nothing until it is enabled', async () => {
    const flow = await api.flows.create.mutate({ name: 'On new tag', definition: ON_NEW_TAG as never });
    expect(flow.enabled).toBe(false);
    expect((await api.flows.get.query({ id: flow.id })).enabled).toBe(false);
    expect(await outcomeOf()).toBe('no_match');
    // Saving a new version keeps it disabled.
    const saved = await api.flows.update.mutate({
      id: flow.id,
      data: { definition: { ...ON_NEW_TAG, nodes: [{ ...ON_NEW_TAG.nodes[0]!, label: 'When' }] } as never },
    });
    expect(saved).toMatchObject({ enabled: false, currentVersion: 2 });
    expect((await api.flows.update.mutate({ id: flow.id, data: { enabled: true } })).enabled).toBe(true);
    expect(await outcomeOf()).toBe('queued');
  });

  it('`enabled: true` on create still saves it enabled', async () => {
    const flow = await api.flows.create.mutate({ name: 'On new tag, at once', enabled: true, definition: ON_NEW_TAG as never });
    expect(flow.enabled).toBe(true);
  });
});
