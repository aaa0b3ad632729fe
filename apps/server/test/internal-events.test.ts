/**
 * Issue 15: the add-on's own events start `internal` flows, on each dialect: a finished bootstrap raises
 * BOOTSTRAP_COMPLETED, a webhook registration Clockify refuses raises WEBHOOK_REGISTRATION_FAILED; a flow
 * listening to another event is not started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';

import { edge, node, post, startFlowScenario, type TReceiverScenario } from './flow-support';
import { REQUIRE_PG, TEST_PG_ADMIN_URL, waitFor } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'dddddddddddddddddddddd17';

describe.each(dialects)('internal events on %s', (dialect) => {
  let sim: TReceiverScenario['sim'];
  let api: TReceiverScenario['api'];
  let receiver: TReceiverScenario['receiver'];
  let scenario: TReceiverScenario | undefined;
  const on = (event: string, path: string) => ({
    nodes: [node('trigger', 'trigger', { source: 'internal', events: [event] }), post('tell', `${receiver.url}${path}`, 'payload')],
    edges: [edge('trigger', 'tell')],
  });
  const hitsAt = (path: string) => receiver.hits.filter((h) => h.path === path);

  beforeAll(async () => {
    scenario = await startFlowScenario({
      dialect,
      workspaceId: ws,
      seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1 }] },
      receiver: true,
      server: { worker: {} },
    });
    ({ sim, api, receiver } = scenario);
    await api.flows.create.mutate({ name: 'bootstrap done', enabled: true, definition: on('BOOTSTRAP_COMPLETED', '/bootstrap') as never });
    await api.flows.create.mutate({
      name: 'bootstrap failed',
      enabled: true,
      definition: on('BOOTSTRAP_FAILED', '/bootstrap-failed') as never,
    });
    await api.flows.create.mutate({
      name: 'registration',
      enabled: true,
      definition: on('WEBHOOK_REGISTRATION_FAILED', '/registration') as never,
    });
  });
  afterAll(() => scenario?.close());

  it('a completed bootstrap starts the BOOTSTRAP_COMPLETED flow, not the BOOTSTRAP_FAILED one', async () => {
    const triggered = await api.bootstrap.trigger.mutate({ restart: true });
    expect(triggered.started).toBe(true);
    const [hit] = await waitFor(async () => (hitsAt('/bootstrap').length > 0 ? hitsAt('/bootstrap') : null), 20_000);
    expect(hit!.body).toMatchObject({ event: 'BOOTSTRAP_COMPLETED', bootstrap: { status: 'completed', errors: 0 } });
    expect((hit!.body as { bootstrap: { entities: number } }).bootstrap.entities).toBeGreaterThan(0);
    expect(hitsAt('/bootstrap-failed')).toEqual([]);
  });

  it('Clockify refusing the webhook registrations starts the WEBHOOK_REGISTRATION_FAILED flow', async () => {
    sim.faults.add({ match: { pathIncludes: '/webhooks' }, status: 403 });
    await expect(api.installation.repairWebhooks.mutate()).rejects.toBeTruthy();
    sim.faults.clear();
    const [hit] = await waitFor(async () => (hitsAt('/registration').length > 0 ? hitsAt('/registration') : null));
    expect(hit!.body).toMatchObject({ event: 'WEBHOOK_REGISTRATION_FAILED', failed: [{ event: '*' }], created: [] });
    expect((hit!.body as { failed: { message: string }[] }).failed[0]!.message).toMatch(/403/);
  });
});
