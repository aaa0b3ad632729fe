import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { API_EVENT_TYPES } from '@uw/clockify';
import { Flow, Installation, WebhookSubscription } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { createClockifyKeys, hooksTo, REQUIRE_PG, signWithSim, startTestServer, TEST_PG_ADMIN_URL, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('lifecycle on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  const ws = 'aaaaaaaaaaaaaaaaaaaaaaa1';
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-addon-lifecycle-token': token } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, clients: 2, projects: 3, tags: 2, timeEntries: 5 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('installs: stores the installation with the token encrypted, and registers the 31 other event types', async () => {
    const result = await sim.installInto(server.url, ws);
    expect(result.status).toBe(200);
    const em = server.deps.db.fork();
    const inst = await em.findOneOrFail(Installation, { workspaceId: ws });
    expect(inst.status).toBe('ACTIVE');
    expect(inst.tokenCipher).toBeTruthy();
    expect(inst.tokenCipher).not.toContain(result.authToken);
    expect(inst.apiUrl).toBe(sim.apiUrl);
    const subs = await em.find(WebhookSubscription, { workspaceId: ws, origin: 'api' });
    expect(subs.map((s) => s.eventType).sort()).toEqual(API_EVENT_TYPES.map((e) => e.name).sort());
    const remote = hooksTo(sim, ws, server.url);
    expect(remote).toHaveLength(31);
  });

  it('is idempotent: a repeated INSTALLED keeps one installation and 31 webhooks', async () => {
    expect((await sim.installInto(server.url, ws)).status).toBe(200);
    const em = server.deps.db.fork();
    expect(await em.count(Installation, { workspaceId: ws })).toBe(1);
    expect(await em.count(WebhookSubscription, { workspaceId: ws, origin: 'api' })).toBe(31);
    expect(hooksTo(sim, ws, server.url)).toHaveLength(31);
  });

  it('stores settings sent by Clockify and ignores unknown ids', async () => {
    const res = await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: [
          { id: 'max_rps', name: 'Max', value: 10 },
          { id: 'enable_custom', name: 'Custom', value: false },
          { id: 'txt-setting', name: 'x', value: 'y' },
        ],
      },
    );
    expect(res.status).toBe(200);
    const inst = await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws });
    expect(inst.settings).toEqual({ max_rps: 10, enable_custom: false });
  });

  it('rejects an invalid setting value with 400 and changes nothing', async () => {
    const res = await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      { settings: [{ id: 'max_rps', name: 'Max', value: 500 }] },
    );
    expect(res.status).toBe(400);
    const inst = await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws });
    expect(inst.settings.max_rps).toBe(10);
  });

  it('pauses on STATUS_CHANGED INACTIVE and repairs webhooks when ACTIVE again', async () => {
    expect(
      (await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: ws }, { status: 'INACTIVE' })).status,
    ).toBe(200);
    expect((await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws })).status).toBe('INACTIVE');
    const hooks = sim.workspace(ws).data.webhooks;
    hooks.splice(hooks.indexOf(hooksTo(sim, ws, server.url)[0]!), 1);
    expect((await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: ws }, { status: 'ACTIVE' })).status).toBe(
      200,
    );
    expect((await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws })).status).toBe('ACTIVE');
    expect(hooksTo(sim, ws, server.url)).toHaveLength(31);
  });

  it('refuses forged, expired, wrong-issuer, wrong-subject and other-workspace tokens with 401, changing nothing', async () => {
    const other = createClockifyKeys();
    const body = { addonId: sim.addonId, workspaceId: ws, status: 'INACTIVE' };
    const good = { workspaceId: ws, addonId: sim.addonId, sub: 'universal-webhook' };
    const tokens = {
      forged: await other.sign(good),
      expired: await signWithSim(sim, { ...good }, { expiresIn: '-1m' }),
      wrongIssuer: await signWithSim(sim, { ...good, iss: 'someone-else' }),
      wrongSubject: await signWithSim(sim, { ...good, sub: 'another-addon' }),
      otherWorkspace: await signWithSim(sim, { ...good, workspaceId: 'bbbbbbbbbbbbbbbbbbbbbbb2' }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await post('/lifecycle/status-changed', body, token);
      expect(res.status, name).toBe(401);
      expect((await res.json()).error.message, name).toBeTruthy();
    }
    expect((await post('/lifecycle/status-changed', body)).status).toBe(401);
    expect((await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws })).status).toBe('ACTIVE');
  });

  it('uninstalls: removes the webhooks at Clockify, forgets the token, disables flows; reinstall works', async () => {
    const em = server.deps.db.fork();
    await em.insert(Flow, {
      id: 'f-uninstall',
      workspaceId: ws,
      name: 'x',
      description: null,
      enabled: true,
      currentVersionId: 'v',
      currentVersion: 1,
      lastRunStatus: null,
      lastRunAt: null,
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    });
    expect((await sim.sendLifecycle({ addonUrl: server.url, kind: 'uninstalled', workspaceId: ws }, {})).status).toBe(200);
    const inst = await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws });
    expect(inst.status).toBe('DELETED');
    expect(inst.tokenCipher).toBeNull();
    expect(await server.deps.db.fork().count(WebhookSubscription, { workspaceId: ws })).toBe(0);
    expect((await server.deps.db.fork().findOneOrFail(Flow, { id: 'f-uninstall' })).enabled).toBe(false);
    expect(hooksTo(sim, ws, server.url)).toHaveLength(0);
    expect((await sim.installInto(server.url, ws)).status).toBe(200);
    expect((await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws })).status).toBe('ACTIVE');
  });
});
