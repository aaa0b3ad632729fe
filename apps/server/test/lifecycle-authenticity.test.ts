/**
 * Issue #12 row 1: Clockify signs every token it gives the add-on with one key, so a valid signature is not
 * enough for a lifecycle callback. Each attack the probe reproduced is replayed here and must be refused.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Installation, WebhookSubscription } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import {
  installLikeClockify,
  REQUIRE_PG,
  signWithSim,
  startTestServer,
  TEST_PG_ADMIN_URL,
  webhookTokenFor,
  type TTestServer,
} from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('lifecycle authenticity on %s', (dialect) => {
  const ws = 'a1a1a1a1a1a1a1a1a1a1a1a1';
  let sim: TSimulator;
  let server: TTestServer;
  let member: string;
  const post = async (path: string, body: unknown, token: string) => {
    const res = await fetch(`${server.url}/lifecycle/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-addon-lifecycle-token': token },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  };
  /** A lifecycle token as Clockify would sign one (the simulator's shape: ids, a 5-minute exp, a unique jti). */
  const lifecycleToken = (claims: Record<string, unknown> = {}) =>
    signWithSim(sim, { workspaceId: ws, addonId: sim.addonId, jti: randomUUID(), ...claims }, { expiresIn: '5m' });
  const installation = () => server.deps.db.fork().findOneOrFail(Installation, { workspaceId: ws });
  const webhookCount = () => server.deps.db.fork().count(WebhookSubscription, { workspaceId: ws });
  const settingsBody = (value: unknown) => ({
    addonId: sim.addonId,
    workspaceId: ws,
    settings: [{ id: 'enable_generic_http_actions', name: 'HTTP', value }],
  });

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    const regular = sim.workspace(ws).data.users.find((u) => u.id !== sim.workspace(ws).ownerId)!;
    member = await sim.userToken(ws, { role: 'REGULAR', userId: regular.id });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it("refuses a member's iframe token on settings-updated and uninstalled (401), changing nothing", async () => {
    const hooks = await webhookCount();
    const settings = await post('settings-updated', settingsBody(true), member);
    expect(settings.status).toBe(401);
    expect(settings.body.error?.message).toMatch(/user token is not a lifecycle token/);
    expect((await post('uninstalled', { addonId: sim.addonId, workspaceId: ws }, member)).status).toBe(401);
    const inst = await installation();
    expect(inst.status).toBe('ACTIVE');
    expect(inst.settings.enable_generic_http_actions).toBeUndefined();
    expect(await webhookCount()).toBe(hooks);
  });

  it('refuses a stored webhook token and the installation token as lifecycle tokens (401)', async () => {
    const body = { addonId: sim.addonId, workspaceId: ws, status: 'INACTIVE' };
    const webhook = await post(
      'status-changed',
      body,
      webhookTokenFor(sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url }),
    );
    expect(webhook).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/webhook token/) } } });
    const install = await post('status-changed', body, sim.workspace(ws).token);
    expect(install).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/installation token/) } } });
    expect((await installation()).status).toBe('ACTIVE');
  });

  it("refuses a member's re-INSTALL with their own token as authToken; genuine webhooks keep working", async () => {
    const stored = (await installation()).tokenCipher;
    const body = {
      addonId: sim.addonId,
      authToken: member,
      workspaceId: ws,
      apiUrl: sim.apiUrl,
      webhooks: [{ path: `${server.url}/webhooks/clockify`, webhookType: 'ADDON', authToken: member, event: 'NEW_TIME_ENTRY' }],
    };
    expect((await post('installed', body, member)).status).toBe(401);
    // Even under a genuine lifecycle token, a member's token is no installation token.
    const genuine = await post('installed', body, await lifecycleToken());
    expect(genuine).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/not an installation token/) } } });
    expect((await installation()).tokenCipher).toBe(stored);
    expect((await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' })).status).toBe(200);
    const forged = await fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'clockify-signature': member, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' },
      body: JSON.stringify({ id: 'x', workspaceId: ws }),
    });
    expect(forged.status).toBe(401);
  });

  it('refuses tokens without a workspaceId or addonId claim, and forged ones before reading the body (401)', async () => {
    const body = { addonId: sim.addonId, workspaceId: ws, status: 'INACTIVE' };
    const noWorkspace = await signWithSim(sim, { addonId: sim.addonId, jti: randomUUID() }, { expiresIn: '5m' });
    const noAddon = await signWithSim(sim, { workspaceId: ws, jti: randomUUID() }, { expiresIn: '5m' });
    for (const token of [noWorkspace, noAddon]) {
      const res = await post('status-changed', body, token);
      expect(res).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/no workspaceId or no addonId/) } } });
    }
    expect((await post('status-changed', 'not json {', 'a.b.c')).status).toBe(401);
    expect((await installation()).status).toBe('ACTIVE');
  });

  it('accepts a lifecycle token once: a replay is 409, here and in another process on the same database', async () => {
    const token = await lifecycleToken();
    const first = await post('settings-updated', { ...settingsBody(false), settings: [{ id: 'max_rps', name: 'Max', value: 11 }] }, token);
    expect(first.status).toBe(200);
    const replay = await post('settings-updated', { ...settingsBody(false), settings: [{ id: 'max_rps', name: 'Max', value: 12 }] }, token);
    expect(replay).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/already used/) } } });
    const other = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      env: { UNIVERSAL_WEBHOOK_DB_URL: server.deps.env.UNIVERSAL_WEBHOOK_DB_URL! },
    });
    try {
      expect(
        (
          await fetch(`${other.url}/lifecycle/settings-updated`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-addon-lifecycle-token': token },
            body: JSON.stringify(settingsBody(true)),
          })
        ).status,
      ).toBe(409);
    } finally {
      await other.close();
    }
    expect((await installation()).settings).toMatchObject({ max_rps: 11 });
  });

  it('remembers a token until its exp, or a day without one; a failed callback can be retried with its token', async () => {
    const noExp = await signWithSim(sim, { workspaceId: ws, addonId: sim.addonId, jti: randomUUID() });
    expect((await post('settings-updated', settingsBody(false), noExp)).status).toBe(200);
    const rows: { expires_at: string | number }[] = await server.deps.db.knex()('universal_webhook_lifecycle_token').select('expires_at');
    const latest = Math.max(...rows.map((r) => Number(r.expires_at)));
    expect(latest).toBeGreaterThan(Date.now() + 86_400_000 - 60_000);
    const retried = await lifecycleToken();
    expect(
      (await post('settings-updated', { ...settingsBody(false), settings: [{ id: 'max_rps', name: 'Max', value: 500 }] }, retried)).status,
    ).toBe(400);
    expect((await post('settings-updated', settingsBody(false), retried)).status).toBe(200);
  });

  it('refuses a re-INSTALL under another addonId while installed (409), keeping the installation', async () => {
    const before = await installation();
    const addonId = 'b2b2b2b2b2b2b2b2b2b2b2b2';
    const ids = { workspaceId: ws, addonId };
    const authToken = await signWithSim(sim, {
      ...ids,
      user: sim.workspace(ws).ownerId,
      backendUrl: sim.apiUrl,
      reportsUrl: sim.reportsUrl,
    });
    const res = await post('installed', { ...ids, authToken, apiUrl: sim.apiUrl, webhooks: [] }, await lifecycleToken({ addonId }));
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringMatching(/another addonId/) } } });
    const after = await installation();
    expect({ addonId: after.addonId, tokenCipher: after.tokenCipher }).toEqual({
      addonId: before.addonId,
      tokenCipher: before.tokenCipher,
    });
    expect((await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' })).status).toBe(200);
  });
});
