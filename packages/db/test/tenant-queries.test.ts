import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bootstrapStateQueries,
  customSourceQueries,
  entityCacheQueries,
  explorerHistoryQueries,
  flowQueries,
  installationQueries,
  lifecycleTokenQueries,
  newId,
  serviceKeyQueries,
  subscriptionQueries,
  type TCustomSource,
  type TDatabase,
  type TFlowVersion,
  type TServiceKey,
} from '../src';
import { openTestDatabase, testDialects } from '../src/testing';
import { REQUIRE_PG, TEST_PG_ADMIN_URL } from './env';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

const install = (db: TDatabase, workspaceId: string, addonId = 'addon-1') =>
  installationQueries.recordInstall(db, workspaceId, {
    fields: {
      addonId,
      status: 'ACTIVE',
      tokenCipher: `cipher-${workspaceId}`,
      apiUrl: 'https://api',
      reportsUrl: 'https://reports',
      ownerUserId: 'u1',
    },
    webhooks: [{ eventType: 'NEW_TIME_ENTRY', tokenHash: `hash-${workspaceId}`, tokenCipher: 'c', path: '/webhooks/clockify' }],
    now: 1_000,
  });

function source(workspaceId: string, name: string, createdAt: number): TCustomSource {
  return {
    id: newId(),
    workspaceId,
    publicId: newId(),
    name,
    verification: { kind: 'none' },
    secretCiphers: [],
    idHeader: null,
    eventTypeHeader: null,
    ratePerMinute: 600,
    enabled: true,
    createdAt,
    updatedAt: createdAt,
  };
}

function key(workspaceId: string, over: Partial<TServiceKey> = {}): TServiceKey {
  return {
    id: newId(),
    workspaceId,
    name: 'k',
    keyHash: newId().replace(/-/g, ''),
    prefix: 'uwk_',
    scope: 'read',
    parentKeyId: null,
    createdBy: null,
    createdAt: Date.now(),
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...over,
  };
}

describe.each(dialects)('tenant query modules on %s', (dialect) => {
  let db: TDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, TEST_PG_ADMIN_URL);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('records installs per workspace; a re-install after uninstall resets settings; uninstall drops webhooks and disables flows', async () => {
    await install(db, 'ws-a');
    await install(db, 'ws-b');
    await installationQueries.updateInstallationSettings(db, 'ws-a', {
      id: (await installationQueries.findInstallation(db, 'ws-a'))!.id,
      settings: { max_rps: 5 },
    });
    const flowId = newId();
    const version = {
      id: newId(),
      workspaceId: 'ws-a',
      flowId,
      version: 1,
      definition: {},
      triggerKeys: [],
      createdBy: null,
      createdAt: 1,
    };
    await flowQueries.insertFlow(
      db,
      flowRow({ workspaceId: 'ws-a', id: flowId, versionId: version.id, now: 1 }),
      version as unknown as TFlowVersion,
    );

    const a = (await installationQueries.findInstallation(db, 'ws-a'))!;
    await installationQueries.recordUninstall(db, 'ws-a', { id: a.id, now: 2_000 });
    expect(await installationQueries.findInstallation(db, 'ws-a')).toMatchObject({
      status: 'DELETED',
      tokenCipher: null,
      uninstalledAt: 2_000,
    });
    expect(await subscriptionQueries.listSubscriptionOrigins(db, 'ws-a')).toEqual([]);
    expect((await flowQueries.findFlow(db, 'ws-a', flowId))!.enabled).toBe(false);
    // The other workspace is untouched.
    expect(await subscriptionQueries.listSubscriptionOrigins(db, 'ws-b')).toEqual([{ eventType: 'NEW_TIME_ENTRY', origin: 'manifest' }]);
    expect((await installationQueries.listActiveInstallations(db)).map((i) => i.workspaceId)).toEqual(['ws-b']);

    const again = await install(db, 'ws-a');
    expect(again).toMatchObject({ status: 'ACTIVE', settings: {}, uninstalledAt: null, installedAt: 1_000 });
  });

  it('refuses an install when the check throws, writing nothing', async () => {
    const before = await installationQueries.findInstallation(db, 'ws-b');
    await expect(
      installationQueries.recordInstall(db, 'ws-b', {
        fields: { addonId: 'other', status: 'ACTIVE', tokenCipher: 'x', apiUrl: 'a', reportsUrl: 'r', ownerUserId: null },
        webhooks: [],
        now: 5_000,
        check: (existing) => {
          if (existing && existing.addonId !== 'other') throw new Error('installed under another addonId');
        },
      }),
    ).rejects.toThrow('another addonId');
    expect(await installationQueries.findInstallation(db, 'ws-b')).toEqual(before);
    expect(await subscriptionQueries.hasSubscriptionToken(db, 'ws-b', 'hash-ws-b')).toBe(true);
    expect(await subscriptionQueries.hasSubscriptionToken(db, 'ws-a', 'hash-ws-b')).toBe(false);
  });

  it('keeps flows and sources in their workspace', async () => {
    const flowId = newId();
    const v1 = { id: newId(), workspaceId: 'ws-c', flowId, version: 1, definition: {}, triggerKeys: [], createdBy: null, createdAt: 1 };
    await flowQueries.insertFlow(db, flowRow({ workspaceId: 'ws-c', id: flowId, versionId: v1.id, now: 1 }), v1 as unknown as TFlowVersion);
    const v2 = { ...v1, id: newId(), version: 2 };
    await flowQueries.updateFlow(db, 'ws-c', { id: flowId, patch: { name: 'renamed' }, version: v2 as unknown as TFlowVersion });
    // Another workspace cannot read, change or delete it.
    expect(await flowQueries.findFlow(db, 'ws-d', flowId)).toBeNull();
    await flowQueries.updateFlow(db, 'ws-d', { id: flowId, patch: { name: 'stolen' } });
    await flowQueries.markFlowDeleted(db, 'ws-d', { id: flowId, now: 9 });
    expect(await flowQueries.findVersion(db, 'ws-d', { id: v2.id })).toBeNull();
    const flow = (await flowQueries.findFlow(db, 'ws-c', flowId))!;
    expect(flow).toMatchObject({ name: 'renamed', currentVersion: 2, currentVersionId: v2.id, deletedAt: null });
    expect((await flowQueries.listVersions(db, 'ws-c', flowId)).map((v) => v.version)).toEqual([2, 1]);
    await flowQueries.markFlowDeleted(db, 'ws-c', { id: flowId, now: 9 });
    expect(await flowQueries.listFlows(db, 'ws-c')).toEqual([]);

    await customSourceQueries.insertSource(db, source('ws-c', 'older', 1));
    const newer = source('ws-c', 'newer', 2);
    await customSourceQueries.insertSource(db, newer);
    await customSourceQueries.insertSource(db, source('ws-d', 'theirs', 3));
    expect((await customSourceQueries.listSources(db, 'ws-c')).map((s) => s.name)).toEqual(['newer', 'older']);
    await customSourceQueries.deleteSource(db, 'ws-d', newer.id);
    await customSourceQueries.updateSource(db, 'ws-d', { id: newer.id, patch: { name: 'stolen' } });
    expect((await customSourceQueries.findSource(db, 'ws-c', newer.id))!.name).toBe('newer');
    expect(await customSourceQueries.findSource(db, 'ws-d', newer.id)).toBeNull();
  });

  it('mints under a live parent only, and revokes a key tree within its workspace', async () => {
    const root = key('ws-e');
    expect(await serviceKeyQueries.insertKey(db, root)).toBe(true);
    const child = key('ws-e', { parentKeyId: root.id });
    expect(await serviceKeyQueries.insertKey(db, child)).toBe(true);
    const grandchild = key('ws-e', { parentKeyId: child.id });
    expect(await serviceKeyQueries.insertKey(db, grandchild)).toBe(true);
    const neighbour = key('ws-f');
    await serviceKeyQueries.insertKey(db, neighbour);
    // A parent id from another workspace is not a live parent here.
    expect(await serviceKeyQueries.insertKey(db, key('ws-f', { parentKeyId: root.id }))).toBe(false);

    const below = (all: serviceKeyQueries.TKeyLink[], id: string): string[] =>
      all.filter((k) => k.parentKeyId === id).flatMap((k) => [...(k.revoked ? [] : [k.id]), ...below(all, k.id)]);
    const seen: number[] = [];
    const also = await serviceKeyQueries.revokeKeyTree(db, 'ws-e', {
      id: root.id,
      now: 42,
      authorize: (all) => seen.push(all.length),
      liveDescendants: below,
    });
    expect(seen).toEqual([3]);
    expect(also.sort()).toEqual([child.id, grandchild.id].sort());
    expect((await serviceKeyQueries.listKeys(db, 'ws-e')).every((k) => k.revokedAt === 42)).toBe(true);
    expect(await serviceKeyQueries.insertKey(db, key('ws-e', { parentKeyId: child.id }))).toBe(false);
    expect(await serviceKeyQueries.findLiveKeyByHash(db, root.keyHash)).toBeNull();
    expect((await serviceKeyQueries.findLiveKeyByHash(db, neighbour.keyHash))!.workspaceId).toBe('ws-f');

    await serviceKeyQueries.touchLastUsed(db, 'ws-e', { id: neighbour.id, now: 1_000, resolutionMs: 60_000 });
    expect((await serviceKeyQueries.listKeys(db, 'ws-f'))[0]!.lastUsedAt).toBeNull();
    await serviceKeyQueries.touchLastUsed(db, 'ws-f', { id: neighbour.id, now: 1_000, resolutionMs: 60_000 });
    await serviceKeyQueries.touchLastUsed(db, 'ws-f', { id: neighbour.id, now: 2_000, resolutionMs: 60_000 });
    expect((await serviceKeyQueries.listKeys(db, 'ws-f'))[0]!.lastUsedAt).toBe(1_000);
  });

  it('scopes the entity cache, bootstrap state and explorer history by workspace', async () => {
    const entities = [
      { entityType: 'user', entityId: 'u2', name: 'Bea', data: { id: 'u2' } },
      { entityType: 'user', entityId: 'u1', name: 'Ada', data: { id: 'u1' } },
      { entityType: 'project', entityId: 'p1', name: 'Apollo', data: { id: 'p1', nested: [1] } },
    ];
    await entityCacheQueries.upsertEntities(db, 'ws-g', { entities, now: 100, ttlMs: 10 });
    await entityCacheQueries.upsertEntities(db, 'ws-h', { entities: entities.slice(0, 1), now: 100, ttlMs: 1_000 });
    expect(await entityCacheQueries.listCachedUsers(db, 'ws-g')).toEqual([
      { id: 'u1', name: 'Ada' },
      { id: 'u2', name: 'Bea' },
    ]);
    expect((await entityCacheQueries.searchCache(db, 'ws-g', { entityType: 'project', query: 'apo', limit: 5 }))[0]).toMatchObject({
      id: 'p1',
      data: { id: 'p1', nested: [1] },
    });
    expect(await entityCacheQueries.searchCache(db, 'ws-h', { entityType: 'project', limit: 5 })).toEqual([]);
    const expired = await entityCacheQueries.listExpiredTypes(db, 500);
    expect(
      expired
        .filter((e) => e.workspaceId.startsWith('ws-g') || e.workspaceId === 'ws-h')
        .map((e) => `${e.workspaceId}:${e.entityType}`)
        .sort(),
    ).toEqual(['ws-g:project', 'ws-g:user']);
    expect(await entityCacheQueries.deleteExpired(db, 'ws-g', { entityTypes: ['user'], now: 500 })).toBe(2);
    expect(await entityCacheQueries.countCache(db, 'ws-g')).toEqual([{ entityType: 'project', count: 1, fetchedAt: 100 }]);
    expect(await entityCacheQueries.clearWorkspaceCache(db, 'ws-g')).toBe(1);
    expect(await entityCacheQueries.countCache(db, 'ws-h')).toEqual([{ entityType: 'user', count: 1, fetchedAt: 100 }]);

    const fence = { workspaceId: 'ws-g', owner: 'p1' };
    const plan = [{ operationId: 'op', included: true }];
    expect(await bootstrapStateQueries.claimFresh(db, fence, { plan, opsTotal: 1, leaseMs: 60_000, now: 1_000 })).toBe(true);
    expect(await bootstrapStateQueries.claimFresh(db, { ...fence, owner: 'p2' }, { plan, opsTotal: 1, leaseMs: 60_000, now: 1_000 })).toBe(
      false,
    );
    expect(await bootstrapStateQueries.saveProgress(db, { ...fence, owner: 'p2' }, { patch: { pages: 9 }, leaseMs: 1 })).toBe(false);
    expect(await bootstrapStateQueries.saveProgress(db, fence, { patch: { pages: 3, cursor: { op: 0, page: 4 } }, leaseMs: 60_000 })).toBe(
      true,
    );
    const state = await bootstrapStateQueries.readBootstrapState<{ operationId: string }>(db, 'ws-g');
    expect(state).toMatchObject({ status: 'running', plan, pages: 3, cursor: { op: 0, page: 4 }, opsTotal: 1, leaseOwner: 'p1' });
    expect(await bootstrapStateQueries.readBootstrapState(db, 'ws-h')).toBeNull();

    const run = (userId: string, workspaceId: string) => ({
      id: newId(),
      workspaceId,
      userId,
      operationId: 'getUsers',
      method: 'GET',
      url: 'https://api/users',
      request: { path: {} },
      status: 200,
      latencyMs: 3,
      response: { ok: true },
      createdAt: 1,
    });
    const mine = [run('u1', 'ws-g'), run('u1', 'ws-g'), run('u1', 'ws-g')];
    for (const r of [...mine, run('u2', 'ws-g'), run('u1', 'ws-h')]) await explorerHistoryQueries.insertRun(db, r);
    const page = await explorerHistoryQueries.listRuns(db, 'ws-g', { userId: 'u1', limit: 2 });
    expect(page.map((r) => r.id)).toEqual([mine[2]!.id, mine[1]!.id]);
    const rest = await explorerHistoryQueries.listRuns(db, 'ws-g', { userId: 'u1', before: mine[1]!.id, limit: 2 });
    expect(rest.map((r) => r.id)).toEqual([mine[0]!.id]);
  });

  it('refuses a lifecycle token twice until its record expires or is released', async () => {
    const claim = { tokenHash: newId(), workspaceId: 'ws-i', usedAt: 1_000, expiresAt: 2_000 };
    expect(await lifecycleTokenQueries.claimLifecycleToken(db, claim)).toBe(true);
    expect(await lifecycleTokenQueries.claimLifecycleToken(db, { ...claim, usedAt: 1_500 })).toBe(false);
    expect(await lifecycleTokenQueries.claimLifecycleToken(db, { ...claim, usedAt: 2_500, expiresAt: 3_000 })).toBe(true);
    await lifecycleTokenQueries.releaseLifecycleToken(db, 'ws-other', claim.tokenHash);
    expect(await lifecycleTokenQueries.claimLifecycleToken(db, { ...claim, usedAt: 2_600 })).toBe(false);
    await lifecycleTokenQueries.releaseLifecycleToken(db, 'ws-i', claim.tokenHash);
    expect(await lifecycleTokenQueries.claimLifecycleToken(db, { ...claim, usedAt: 2_600 })).toBe(true);
  });
});

function flowRow({ workspaceId, id, versionId, now }: { workspaceId: string; id: string; versionId: string; now: number }) {
  return {
    id,
    workspaceId,
    name: 'flow',
    description: null,
    enabled: true,
    currentVersionId: versionId,
    currentVersion: 1,
    lastRunStatus: null,
    lastRunAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}
