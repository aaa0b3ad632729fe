import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '@uw/client';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, signWithSim, startTestServer, trpcClient, waitFor, type TTestServer } from './utils';

describe('the TypeScript client and who may call', () => {
  let sim: TSimulator;
  let server: TTestServer;
  const ws = 'ffffffffffffffffffffff01';
  let ownerToken: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, projects: 2 }] } });
    server = await startTestServer({ dialect: 'sqlite', clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, ws);
    ownerToken = await sim.userToken(ws, { role: 'OWNER' });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('createClient with a service key reads its workspace and streams new webhooks live (SSE)', async () => {
    const { key } = await trpcClient(server.url, ownerToken).keys.create.mutate({ name: 'reporting service' });
    const client = createClient({ url: server.url, token: key });
    expect((await client.settings.get.query()).workspaceId).toBe(ws);
    const seen: string[] = [];
    const sub = client.webhooks.live.subscribe(undefined, { onData: (entry) => seen.push(entry.eventType) });
    try {
      await new Promise((r) => setTimeout(r, 300));
      await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TAG' });
      await waitFor(async () => seen.includes('NEW_TAG'), 5_000);
    } finally {
      sub.unsubscribe();
    }
    expect(seen).toContain('NEW_TAG');
  });

  it('a revoked service key is refused', async () => {
    const api = trpcClient(server.url, ownerToken);
    const created = await api.keys.create.mutate({ name: 'short lived' });
    await api.keys.revoke.mutate({ id: created.id });
    await expect(createClient({ url: server.url, token: created.key }).settings.get.query()).rejects.toThrow(/revoked|unknown/);
  });

  it('a non-admin Clockify user can read but not write (FORBIDDEN)', async () => {
    const member = trpcClient(server.url, await sim.userToken(ws, { role: 'TEAM_MEMBER' }));
    expect((await member.settings.get.query()).workspaceId).toBe(ws);
    await expect(member.keys.create.mutate({ name: 'nope' })).rejects.toThrow(/admin/);
  });

  it('refuses expired, forged-algorithm and other-workspace user tokens (T11)', async () => {
    const claims = { workspaceId: ws, addonId: sim.addonId, user: 'u1', workspaceRole: 'OWNER' };
    const expired = await signWithSim(sim, claims, { expiresIn: '-1m' });
    const otherWs = await signWithSim(sim, { ...claims, workspaceId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, { expiresIn: '10m' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'clockify', sub: sim.addonKey, type: 'addon' })).toString('base64url')}.`;
    for (const token of [expired, otherWs, none, 'not-a-token']) {
      await expect(trpcClient(server.url, token).settings.get.query()).rejects.toThrow(/UNAUTHORIZED|invalid|not installed/i);
    }
  });

  it('user tokens stop working after uninstall', async () => {
    await sim.sendLifecycle({ addonUrl: server.url, kind: 'uninstalled', workspaceId: ws });
    await expect(trpcClient(server.url, ownerToken).settings.get.query()).rejects.toThrow(/not installed/);
  });
});
