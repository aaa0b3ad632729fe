import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MANIFEST_EVENT_TYPES } from '@uw/clockify';

import { CLOCKIFY_FIXTURES } from '../../../fixtures';
import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI, startReceiver } from './utils';

const INSTALLED_EXAMPLE = join(CLOCKIFY_FIXTURES.lifecycleExamples, 'INSTALLED.json');

describe('lifecycle callbacks and webhooks', () => {
  let sim: TSimulator;
  let addon: Awaited<ReturnType<typeof startReceiver>>;
  let verify: (token: string) => Promise<Record<string, unknown>>;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI, addonKey: 'universal-webhook' });
    addon = await startReceiver();
    const key = await importSPKI(sim.publicKeyPem, 'RS256');
    verify = async (token) =>
      (await jwtVerify(token, key, { issuer: 'clockify', subject: 'universal-webhook', algorithms: ['RS256'] })).payload;
  });
  afterAll(async () => {
    await sim.close();
    await addon.close();
  });
  const wsId = () => sim.workspace().id;

  it('installs: POSTs INSTALLED with signed tokens and the documented body', async () => {
    const result = await sim.installInto(addon.url, wsId(), {
      webhooks: ['NEW_TIME_ENTRY', { event: 'NEW_PROJECT', path: `${addon.url}/hooks/projects` }],
    });
    expect(result.status).toBe(200);
    const got = addon.received.at(-1)!;
    expect(got.path).toBe('/lifecycle/installed');
    const body = got.body as Record<string, unknown>;
    const documented = Object.keys(JSON.parse(readFileSync(INSTALLED_EXAMPLE, 'utf8')));
    expect(Object.keys(body).sort()).toEqual(documented.sort());
    expect(body).toMatchObject({ workspaceId: wsId(), addonId: sim.addonId, apiUrl: sim.apiUrl, asUser: sim.workspace().ownerId });
    expect(await verify(String(got.headers['x-addon-lifecycle-token']))).toMatchObject({
      type: 'addon',
      workspaceId: wsId(),
      addonId: sim.addonId,
    });
    const claims = await verify(String(body.authToken));
    expect(claims).toMatchObject({
      backendUrl: sim.apiUrl,
      reportsUrl: sim.reportsUrl,
      workspaceId: wsId(),
      user: sim.workspace().ownerId,
    });
    // An installation token is no user token: it never expires and carries no member's role, language or theme.
    for (const claim of ['exp', 'workspaceRole', 'language', 'theme']) {
      expect(claims, claim).not.toHaveProperty(claim);
    }
    const hooks = body.webhooks as { path: string; webhookType: string; authToken: string; event: string }[];
    expect(hooks.map((h) => [h.event, h.path, h.webhookType])).toEqual([
      ['NEW_TIME_ENTRY', `${addon.url}/webhooks/clockify`, 'ADDON'],
      ['NEW_PROJECT', `${addon.url}/hooks/projects`, 'ADDON'],
    ]);
    expect(await verify(hooks[0]!.authToken)).toMatchObject({ type: 'addon', workspaceId: wsId(), addonId: sim.addonId });
    expect(hooks[0]!.authToken).not.toBe(hooks[1]!.authToken);
    expect((await call(sim, { method: 'GET', path: '/api/v1/user' }, { token: String(body.authToken) })).status).toBe(200);
  });

  it("sends a webhook built from a new entity, signed with the event's token", async () => {
    const result = await sim.sendWebhook({ addonUrl: addon.url, workspaceId: wsId(), eventType: 'NEW_TIME_ENTRY' });
    const got = addon.received.at(-1)!;
    expect(got.path).toBe('/webhooks/clockify');
    expect(got.headers['clockify-webhook-event-type']).toBe('NEW_TIME_ENTRY');
    expect(got.headers['clockify-signature']).toBe(result.signature);
    expect(result.registered).toBe(true);
    expect(await verify(result.signature)).toMatchObject({ workspaceId: wsId(), addonId: sim.addonId });
    const id = (got.body as { id: string }).id;
    expect((await call(sim, { method: 'GET', path: `/api/v1/workspaces/${wsId()}/time-entries/${id}` })).status).toBe(200);
  });

  it('signs webhooks created through the API and delivers events to every registered webhook', async () => {
    const created = await call(
      sim,
      { method: 'POST', path: `/api/v1/workspaces/${wsId()}/webhooks` },
      {
        body: {
          url: `${addon.url}/webhooks/clockify`,
          webhookEvent: 'NEW_CLIENT',
          triggerSourceType: 'WORKSPACE_ID',
          triggerSource: [wsId()],
        },
      },
    );
    expect(created.status).toBe(201);
    const hook = created.body as { id: string; authToken: string };
    expect(await verify(hook.authToken)).toMatchObject({ workspaceId: wsId(), addonId: sim.addonId });
    const listed = (await call(sim, { method: 'GET', path: `/api/v1/workspaces/${wsId()}/addons/${sim.addonId}/webhooks` })).body as {
      webhooks: { id: string }[];
    };
    expect(listed.webhooks.map((w) => w.id)).toContain(hook.id);
    const direct = await sim.sendWebhook({ addonUrl: addon.url, workspaceId: wsId(), eventType: 'NEW_CLIENT' });
    expect(direct.signature).toBe(hook.authToken);
    const before = addon.received.length;
    const emitted = await sim.emitWebhook(wsId(), 'NEW_PROJECT');
    expect(emitted.deliveries).toEqual([expect.objectContaining({ url: `${addon.url}/hooks/projects`, status: 200 })]);
    expect(addon.received.slice(before).map((r) => r.headers['clockify-webhook-event-type'])).toEqual(['NEW_PROJECT']);
    expect((await call(sim, { method: 'DELETE', path: `/api/v1/workspaces/${wsId()}/webhooks/${hook.id}` })).status).toBe(200);
  });

  it('sends STATUS_CHANGED and SETTINGS_UPDATED', async () => {
    const status = await sim.sendLifecycle({ addonUrl: addon.url, kind: 'status-changed', workspaceId: wsId() }, { status: 'ACTIVE' });
    expect(status.status).toBe(200);
    expect(addon.received.at(-1)).toMatchObject({
      path: '/lifecycle/status-changed',
      body: { status: 'ACTIVE', workspaceId: wsId(), addonId: sim.addonId },
    });
    await sim.sendLifecycle(
      { addonUrl: addon.url, kind: 'settings-updated', workspaceId: wsId() },
      { settings: [{ id: 'max_rps', name: 'Max rps', value: 10 }] },
    );
    expect(addon.received.at(-1)).toMatchObject({
      path: '/lifecycle/settings-updated',
      body: { settings: [{ id: 'max_rps', value: 10 }] },
    });
  });

  it("uninstall revokes the token and drops the add-on's webhooks; a reinstall issues a new token and the manifest's webhooks", async () => {
    const oldToken = sim.workspace().token;
    const result = await sim.sendLifecycle({ addonUrl: addon.url, kind: 'uninstalled', workspaceId: wsId() });
    expect(result.status).toBe(200);
    expect(addon.received.at(-1)).toMatchObject({ path: '/lifecycle/uninstalled', body: { asUser: sim.workspace().ownerId } });
    expect((await call(sim, { method: 'GET', path: '/api/v1/user' }, { token: oldToken })).status).toBe(401);
    const again = await sim.installInto(addon.url, wsId());
    expect(again.authToken).not.toBe(oldToken);
    expect(again.webhooks.map((h) => h.event)).toEqual(MANIFEST_EVENT_TYPES.map((e) => e.name));
    expect(sim.workspace().data.webhooks).toEqual([]);
    expect((await call(sim, { method: 'GET', path: '/api/v1/user' }, { token: again.authToken })).status).toBe(200);
    expect(sim.deliveries.filter((d) => d.kind === 'lifecycle').map((d) => d.event)).toEqual([
      'installed',
      'status-changed',
      'settings-updated',
      'uninstalled',
      'installed',
    ]);
  });
});
