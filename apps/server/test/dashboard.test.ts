import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EVENT_TYPES } from '@uw/clockify';
import { BootstrapState, EntityCache, Flow, FlowExecution, newId } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { FLOW_TEMPLATES } from '@uw/flow-engine';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('dashboard and meta on %s', (dialect) => {
  const ws = 'dadadadadadadadadadada01';
  const other = 'dadadadadadadadadadada02';
  let sim: TSimulator;
  let server: TTestServer;
  let admin: ReturnType<typeof trpcClient>;
  let member: ReturnType<typeof trpcClient>;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: {
        workspaces: [
          { id: ws, users: 2, projects: 1 },
          { id: other, users: 1 },
        ],
      },
    });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, env: { UW_BOOTSTRAP_RUN_ON_INSTALL: 'false' } });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    expect((await installLikeClockify(sim, server.url, other)).status).toBe(200);
    admin = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const userId = sim.workspace(ws).data.users.find((u) => u.id !== sim.workspace(ws).ownerId)!.id;
    member = trpcClient(server.url, await sim.userToken(ws, { role: 'USER', userId }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('shows the installation, its 51 webhook registrations and no bootstrap yet (to admins only)', async () => {
    await expect(member.dashboard.get.query()).rejects.toThrow(/workspace admin/);
    const d = await admin.dashboard.get.query();
    expect(d.workspaceId).toBe(ws);
    expect(d.installation).toMatchObject({ status: 'ACTIVE', active: true });
    expect(d.subscriptions).toEqual({ total: 51, manifest: 20, api: 31 });
    expect(d.bootstrap).toBeNull();
    expect(d.executions).toMatchObject({ total: 0, outcomes: {}, recentFailures: [] });
    expect(d.catalogue.available).toBe(true);
  });

  it('counts webhooks per hour by event type, execution outcomes, recent failures, cache and bootstrap', async () => {
    expect((await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_PROJECT' })).status).toBe(200);
    expect((await sim.sendWebhook({ addonUrl: server.url, workspaceId: other, eventType: 'NEW_TAG' })).status).toBe(200);
    const em = server.deps.db.fork();
    const now = Date.now();
    await em.insert(Flow, {
      id: 'flow-dash',
      workspaceId: ws,
      name: 'Tag entries',
      description: null,
      enabled: false,
      currentVersionId: 'v',
      currentVersion: 1,
      lastRunStatus: null,
      lastRunAt: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    const execution = (status: 'failed' | 'succeeded', message?: string) => ({
      id: newId(),
      workspaceId: ws,
      flowId: 'flow-dash',
      flowVersionId: 'v',
      logId: null,
      status,
      attempts: 1,
      runAfter: now,
      leaseOwner: null,
      leaseUntil: null,
      leaseToken: 0,
      trigger: {},
      error: message ? { code: 'CLOCKIFY_API_ERROR', message } : null,
      retryOf: null,
      createdAt: now,
      startedAt: now,
      finishedAt: now,
    });
    await em.insert(FlowExecution, execution('succeeded'));
    await em.insert(FlowExecution, execution('failed', 'Clockify answered 400'));
    await em.insert(FlowExecution, { ...execution('failed', 'other workspace'), workspaceId: other });
    for (const [i, type] of ['project', 'project', 'tag'].entries()) {
      await em.insert(EntityCache, {
        id: newId(),
        workspaceId: ws,
        entityType: type,
        entityId: `e${i}`,
        name: null,
        data: {},
        fetchedAt: now,
        expiresAt: now + 60_000,
      });
    }
    await em.insert(BootstrapState, {
      id: newId(),
      workspaceId: ws,
      status: 'completed',
      plan: [],
      opsDone: 4,
      opsTotal: 4,
      pages: 6,
      entities: 3,
      errors: [],
      cursor: { op: 4, page: 1 },
      leaseOwner: null,
      leaseUntil: null,
      startedAt: now - 1000,
      finishedAt: now,
      etaAt: null,
      updatedAt: now,
    });

    // The NEW_PROJECT webhook above also lands in the cache (asynchronously, after its commit).
    await waitFor(
      async () =>
        Number(
          (
            await server.deps.db
              .knex()('universal_webhook_entity_cache')
              .where({ workspace_id: ws, entity_type: 'project' })
              .count({ n: '*' })
              .first()
          )?.n,
        ) === 3,
    );
    const d = await admin.dashboard.get.query();
    expect(d.webhooks.perHour).toEqual([{ hour: expect.any(Number), eventType: 'NEW_PROJECT', count: 1 }]);
    expect(d.executions.outcomes).toEqual({ succeeded: 1, failed: 1 });
    expect(d.executions.recentFailures).toEqual([
      expect.objectContaining({
        flowId: 'flow-dash',
        flowName: 'Tag entries',
        status: 'failed',
        errorMessage: 'Clockify answered 400',
        error: { code: 'CLOCKIFY_API_ERROR', message: 'Clockify answered 400' },
      }),
    ]);
    expect(d.cache).toEqual([
      expect.objectContaining({ entityType: 'project', count: 3 }),
      expect.objectContaining({ entityType: 'tag', count: 1 }),
    ]);
    expect(d.bootstrap).toMatchObject({ status: 'completed', opsDone: 4, opsTotal: 4, entities: 3, errors: 0 });
  });

  it('lists the 51 event types and the flow templates, and tells who is calling', async () => {
    const events = await member.meta.eventTypes.query();
    expect(events).toHaveLength(51);
    expect(events.filter((e) => e.inManifest)).toHaveLength(20);
    expect(events[0]).toEqual({
      name: EVENT_TYPES[0]!.name,
      entity: EVENT_TYPES[0]!.entity,
      description: EVENT_TYPES[0]!.description,
      inManifest: EVENT_TYPES[0]!.inManifest,
    });
    expect((await member.meta.templates.query()).map((t) => t.id)).toEqual(FLOW_TEMPLATES.map((t) => t.id));
    expect(await admin.meta.whoami.query()).toEqual({
      workspaceId: ws,
      userId: sim.workspace(ws).ownerId,
      role: 'admin',
      via: 'clockify',
      scope: null,
    });
    expect((await member.meta.whoami.query()).role).toBe('user');
    const anonymous = trpcClient(server.url, 'not-a-token');
    await expect(anonymous.meta.whoami.query()).rejects.toSatisfy(
      (err) => err instanceof TRPCClientError && (err.data as { code?: string }).code === 'UNAUTHORIZED',
    );
  });
});
