import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, startTestServer, trpcClient, webhookTokenFor, type TTestServer } from './utils';

/**
 * T6, T9, T10: canary secrets (installation token, webhook token, user token in the iframe URL, a source
 * secret, a service key) never appear in logs, API responses or the database in plain text.
 */
describe('secrets stay secret', () => {
  let sim: TSimulator;
  let server: TTestServer;
  const ws = 'eeeeeeeeeeeeeeeeeeeeee01';
  const responses: string[] = [];
  const canaries: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 2 }] } });
    server = await startTestServer({ dialect: 'sqlite', clockifyPem: sim.publicKeyPem, env: { LOG_LEVEL: 'debug' } });
    const installed = await installLikeClockify(sim, server.url, ws);
    canaries.installToken = installed.authToken;
    canaries.webhookToken = webhookTokenFor(sim, { workspaceId: ws, eventType: 'NEW_PROJECT', serverUrl: server.url });
    canaries.userToken = await sim.userToken(ws, { role: 'OWNER' });
    const api = trpcClient(server.url, canaries.userToken);
    const source = await api.sources.create.mutate({
      name: 'canary',
      verification: { kind: 'bearer' },
      secret: 'source-secret-canary-123',
    });
    canaries.sourceSecret = source.secret!;
    const key = await api.keys.create.mutate({ name: 'canary key', scope: 'admin' });
    canaries.serviceKey = key.key;

    const record = async (res: Response) => responses.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
    await record(await fetch(`${server.url}/?auth_token=${canaries.userToken}`));
    await record(
      await fetch(`${server.url}/trpc/settings.get?auth_token=${canaries.userToken}`, {
        headers: { authorization: `Bearer ${canaries.userToken}` },
      }),
    );
    await record(await fetch(`${server.url}/trpc/sources.list`, { headers: { authorization: `Bearer ${canaries.serviceKey}` } }));
    await record(await fetch(`${server.url}/trpc/keys.list`, { headers: { authorization: `Bearer ${canaries.userToken}` } }));
    await record(
      await fetch(`${server.url}/webhooks/custom/${source.source.publicId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${canaries.sourceSecret}` },
        body: '{"ok":1}',
      }),
    );
    const hook = await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_PROJECT' });
    responses.push(JSON.stringify(hook.response));
    await record(await fetch(`${server.url}/trpc/webhooks.list`, { headers: { authorization: `Bearer ${canaries.userToken}` } }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('never writes a canary to the logs (the iframe auth_token is masked in URLs)', () => {
    const logs = server.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(canaries)) {
      expect(logs.includes(value), `${name} leaked into the logs`).toBe(false);
    }
    expect(logs).toContain('auth_token=[REDACTED]');
  });

  it('never returns a canary in a response', () => {
    const all = responses.join('\n');
    for (const [name, value] of Object.entries(canaries)) {
      expect(all.includes(value), `${name} leaked into a response`).toBe(false);
    }
  });

  it('keeps no plaintext secret in the database (T6)', async () => {
    const knex = server.deps.db.knex();
    const tables = [
      'universal_webhook_installation',
      'universal_webhook_subscription',
      'universal_webhook_custom_source',
      'universal_webhook_service_key',
      'universal_webhook_log',
    ];
    const dump = JSON.stringify(await Promise.all(tables.map((t) => knex(t).select('*'))));
    for (const [name, value] of Object.entries(canaries)) {
      expect(dump.includes(value), `${name} stored in plain text`).toBe(false);
    }
    expect(dump).toContain(`"v1.${server.deps.api.cipher.primaryKeyId}.`);
  });
});
