import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applyWebhookToCache, refreshExpiredCache } from '@uw/api';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, simData, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'cac4e00000000000000000c1';
const other = 'cac4e00000000000000000c2';
const DAY_MS = 86_400_000;

describe.each(dialects)('entity cache on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let apiOther: ReturnType<typeof trpcClient>;
  const names = async (entityType: string, query?: string, limit = 100) =>
    (await api.cache.search.query({ entityType, query, limit })).map((h) => h.name);
  const counts = async () => Object.fromEntries((await api.cache.counts.query()).map((c) => [c.entityType, c.count]));

  beforeAll(async () => {
    sim = await startSimulator({
      seed: {
        workspaces: [
          { id: ws, users: 3, projects: 12, clients: 4, tags: 5 },
          { id: other, users: 1, projects: 2 },
        ],
      },
    });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    // UW_BOOTSTRAP_RUN_ON_INSTALL is off in test servers: the bootstraps start explicitly below.
    for (const id of [ws, other]) {
      await installLikeClockify(sim, server.url, id);
      expect(await (await server.deps.runtime.bootstraps.start(id)).done).toBe('completed');
    }
    // The cache holds the workspace's data (users, time entries): admins only, like the rest of the app.
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'ADMIN' }));
    apiOther = trpcClient(server.url, await sim.userToken(other, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server.deps.runtime.bootstraps.stop();
    await server?.close();
    await sim?.close();
  });

  it('counts the cached entities per type, per workspace', async () => {
    const mine = await api.cache.counts.query();
    expect(Object.fromEntries(mine.map((c) => [c.entityType, c.count]))).toMatchObject({ project: 12, client: 4, tag: 5, user: 3 });
    expect(mine.every((c) => typeof c.fetchedAt === 'number' && c.fetchedAt > 0)).toBe(true);
    expect(Object.fromEntries((await apiOther.cache.counts.query()).map((c) => [c.entityType, c.count]))).toMatchObject({
      project: 2,
      user: 1,
    });
  });

  it('searches by name for pickers: case-insensitive, names starting with the query first, then containing it', async () => {
    expect(await names('project', 'IN')).toEqual(['Internal Tools', 'Marketing Campaign', 'Marketing Campaign 2', 'Onboarding']);
    expect(await names('project', 'mobile app')).toEqual(['Mobile App', 'Mobile App 2']);
    expect(await names('project', undefined, 3)).toEqual(['API Platform', 'Data Migration', 'Data Migration 2']);
    expect(await names('project', '%')).toEqual([]);
    expect(await names('client', 'acme')).toEqual(['Acme Corp']);
    expect(await names('tag', 'UR')).toEqual(['urgent']);
    const users = await api.cache.search.query({ entityType: 'user', limit: 10 });
    expect(users.map((u) => u.id).sort()).toEqual(
      simData(sim, ws)
        .users.map((u) => u.id)
        .sort(),
    );
    expect(
      (await apiOther.cache.search.query({ entityType: 'project', limit: 100 })).every(
        (h) => (h.data as { workspaceId: string }).workspaceId === other,
      ),
    ).toBe(true);
  });

  it("narrows tasks to one project, within the caller's workspace only", async () => {
    const [mine, theirs] = [simData(sim, ws).projects[0]!, simData(sim, other).projects[0]!];
    const task = (id: string, workspaceId: string, projectId: string) => ({ id, name: `task ${id}`, projectId, workspaceId });
    // The other workspace holds a task naming this workspace's project (ids are only unique per workspace here).
    for (const [workspaceId, payload] of [
      [ws, task('task-mine', ws, mine.id)],
      [ws, task('task-elsewhere', ws, theirs.id)],
      [other, task('task-theirs', other, mine.id)],
    ] as const) {
      expect((await applyWebhookToCache(server.deps.api, { workspaceId, eventType: 'NEW_TASK', payload })).action).toBe('upsert');
    }
    const ids = async (client: typeof api, projectId: string) =>
      (await client.cache.search.query({ entityType: 'task', projectId, limit: 100 })).map((h) => h.id).sort();
    // The bootstrap cached the simulator's tasks of each project too.
    const seeded = (workspaceId: string, projectId: string) =>
      simData(sim, workspaceId)
        .tasks.filter((t) => t.projectId === projectId)
        .map((t) => t.id);
    expect(await ids(api, mine.id)).toEqual([...seeded(ws, mine.id), 'task-mine'].sort());
    expect(await ids(apiOther, mine.id)).toEqual(['task-theirs']);
    expect(await ids(apiOther, theirs.id)).toEqual(seeded(other, theirs.id).sort());
  });

  it('NEW_PROJECT and PROJECT_DELETED webhooks upsert and delete the project in the cache', async () => {
    const created = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_PROJECT' });
    expect(created.status).toBe(200);
    const project = created.body as { id: string; name: string };
    expect(await applyWebhookToCache(server.deps.api, { workspaceId: ws, eventType: 'NEW_PROJECT', payload: created.body })).toEqual({
      action: 'upsert',
      entityType: 'project',
      entityId: project.id,
    });
    expect((await api.cache.search.query({ entityType: 'project', query: project.name, limit: 10 })).map((h) => h.id)).toContain(
      project.id,
    );
    expect((await counts()).project).toBe(13);

    const deleted = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'PROJECT_DELETED' });
    expect((deleted.body as { id: string }).id).toBe(project.id);
    expect(await applyWebhookToCache(server.deps.api, { workspaceId: ws, eventType: 'PROJECT_DELETED', payload: deleted.body })).toEqual({
      action: 'delete',
      entityType: 'project',
      entityId: project.id,
    });
    expect((await api.cache.search.query({ entityType: 'project', query: project.name, limit: 10 })).map((h) => h.id)).not.toContain(
      project.id,
    );
    expect((await counts()).project).toBe(12);

    expect(
      (await applyWebhookToCache(server.deps.api, { workspaceId: ws, eventType: 'USERS_INVITED_TO_WORKSPACE', payload: {} })).action,
    ).toBe('none');
    expect(
      (await applyWebhookToCache(server.deps.api, { workspaceId: ws, eventType: 'NEW_PROJECT', payload: { name: 'no id' } })).action,
    ).toBe('none');
  });

  it('refreshes expired rows from Clockify and removes what Clockify no longer lists', async () => {
    const d = simData(sim, ws);
    const gone = d.projects.pop()!;
    d.clients.pop();
    await applyWebhookToCache(server.deps.api, {
      workspaceId: ws,
      eventType: 'NEW_TIME_ENTRY',
      payload: { id: 'te-cached-by-webhook', description: 'x' },
    });
    const later = Date.now() + 8 * DAY_MS; // past the default 7-day TTL of every row
    const result = await refreshExpiredCache(server.deps.runtime, { now: later });
    expect(result.errors).toBe(0);
    expect(result.refreshed).toBeGreaterThanOrEqual(d.projects.length + d.clients.length + d.tags.length + d.users.length);
    expect(result.removed).toBeGreaterThanOrEqual(3);
    expect(await counts()).toMatchObject({
      project: d.projects.length,
      client: d.clients.length,
      tag: d.tags.length,
      user: d.users.length,
    });
    expect((await counts()).time_entry).toBeUndefined();
    expect((await api.cache.search.query({ entityType: 'project', query: gone.name, limit: 10 })).map((h) => h.id)).not.toContain(gone.id);
    const stale = await server.deps.db.knex()('universal_webhook_entity_cache').where('expires_at', '<', later).count({ n: '*' });
    expect(Number(stale[0]!.n)).toBe(0);
  });
});
