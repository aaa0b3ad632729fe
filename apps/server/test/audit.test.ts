import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRouter, AUDITED, NOT_AUDITED, runRetention } from '@uw/api';
import { auditQueries, newId } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'a0d17a0d17a0d17a0d170001';
const definition = (event: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger' as const, position: { x: 0, y: 0 }, data: { source: 'clockify' as const, events: [event] } },
    { id: 'check', kind: 'condition' as const, position: { x: 0, y: 100 }, data: { expression: 'payload.billable = true' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'check' }],
});

describe('audit coverage', () => {
  it('names every mutation of the API: described for the trail, or excluded with a reason', () => {
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
    const mutations = Object.entries(procedures)
      .filter(([, p]) => p._def.type === 'mutation')
      .map(([path]) => path);
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.filter((m) => !(m in AUDITED) && !(m in NOT_AUDITED))).toEqual([]);
  });

  it('knows which mutations declare no input: the audit reads no body for exactly those', () => {
    type TDef = { _def: { type: string; inputs: unknown[]; meta?: { noInput?: true } } };
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, TDef> } })._def.procedures;
    const mutations = Object.entries(procedures).filter(([, p]) => p._def.type === 'mutation');
    const declaredNone = mutations.filter(([, p]) => p._def.inputs.length === 0).map(([path]) => path);
    const markedNone = mutations.filter(([, p]) => p._def.meta?.noInput).map(([path]) => path);
    expect(markedNone).toEqual(declaredNone);
    expect(markedNone).toContain('installation.repairWebhooks');
  });
});

/** Issue 17.7: who changed what and when, for flows, sources, keys, settings, replays; never a secret. */
describe.each(dialects)('audit trail on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let userId: string;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, projects: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    token = await sim.userToken(ws, { role: 'OWNER' });
    api = trpcClient(server.url, token);
    userId = (await api.meta.whoami.query()).userId!;
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('records flow changes with versions, toggles and deletes, newest first, by the signed-in user', async () => {
    const flow = await api.flows.create.mutate({ name: 'Audit me', enabled: false, definition: definition('NEW_TIME_ENTRY') });
    await api.flows.update.mutate({ id: flow.id, data: { definition: definition('TIME_ENTRY_UPDATED') } });
    await api.flows.update.mutate({ id: flow.id, data: { enabled: true } });
    await api.flows.update.mutate({ id: flow.id, data: { name: 'Audited' } });
    await api.flows.delete.mutate({ id: flow.id });

    const { items } = await api.audit.list.query({ targetId: flow.id });
    expect(items.map((e) => e.action)).toEqual(['flows.delete', 'flows.update', 'flows.update', 'flows.update', 'flows.create']);
    expect(items.map((e) => e.summary)).toEqual([
      'deleted flow "Audited"',
      'renamed "Audit me" to "Audited"',
      'enabled flow "Audit me"',
      'saved flow "Audit me" as version 2',
      'created flow "Audit me" (disabled)',
    ]);
    expect(items[3]!.details).toMatchObject({ fromVersion: 1, toVersion: 2, fields: ['definition'] });
    expect(items[0]!.actor).toMatchObject({ kind: 'user', id: userId });
    // The cache knows the user's name once bootstrap or the simulator's seed filled it; the id is always there.
    expect(items.every((e) => e.targetType === 'flow' && e.at > 0)).toBe(true);
  });

  it('records sources and keys without their secrets, and nothing for a refused change', async () => {
    const { source, secret } = await api.sources.create.mutate({ name: 'Hooks', verification: { kind: 'bearer' } });
    await api.sources.rotateSecret.mutate({ id: source.id });
    const created = await api.keys.create.mutate({ name: 'ci', scope: 'read' });
    await expect(api.flows.update.mutate({ id: 'no-such-flow', data: { enabled: false } })).rejects.toThrow();

    const page = await api.audit.list.query({ limit: 200 });
    const actions = page.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sources.create', 'sources.rotateSecret', 'keys.create']));
    expect(page.items.some((e) => e.targetId === 'no-such-flow')).toBe(false);
    const text = JSON.stringify(page);
    expect(text).not.toContain(secret!);
    expect(text).not.toContain(created.key);
    expect(page.items.find((e) => e.action === 'sources.create')!.summary).toBe('created source "Hooks" (bearer)');
    expect(page.items.find((e) => e.action === 'keys.create')!.summary).toBe('created service key "ci" (read)');

    // A service key's changes name the key as the actor.
    const writer = await api.keys.create.mutate({ name: 'automation', scope: 'write' });
    const asKey = trpcClient(server.url, writer.key);
    await asKey.flows.create.mutate({ name: 'By a key', definition: definition('NEW_PROJECT') });
    const [byKey] = (await api.audit.list.query({ action: 'flows.create', limit: 1 })).items;
    expect(byKey!.actor).toEqual({ kind: 'service_key', id: writer.id, name: 'automation' });
  });

  it('records secrets by name, never their value', async () => {
    const secret = await api.secrets.create.mutate({ name: 'api-token', value: 'canary-secret-value-123' });
    await api.secrets.update.mutate({ id: secret.id, data: { value: 'canary-secret-value-456' } });
    await api.secrets.delete.mutate({ id: secret.id });
    const page = await api.audit.list.query({ action: 'secrets.' });
    expect(page.items.map((e) => e.summary)).toEqual([
      'deleted secret "api-token"',
      'changed the value of secret "api-token"',
      'created secret "api-token"',
    ]);
    expect(JSON.stringify(page)).not.toMatch(/canary-secret-value/);
  });

  it('records a mutation that takes no input (its request has no body)', async () => {
    const repaired = await api.installation.repairWebhooks.mutate();
    const [entry] = (await api.audit.list.query({ action: 'installation.repairWebhooks' })).items;
    expect(entry).toMatchObject({ targetType: 'installation', actor: { kind: 'user', id: userId } });
    expect(entry!.summary).toMatch(/^repaired Clockify webhooks/);
    expect(repaired.failed).toEqual([]);
  });

  it('refuses a malformed body on an audited mutation and records nothing; a mutation without input ignores its body', async () => {
    const send = (path: string, body: string) =>
      fetch(`${server.url}/trpc/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    const entries = async () => (await api.audit.list.query({ limit: 200 })).items;
    const before = await entries();

    const refused = await send('flows.create', '{"name": "half a body');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ data: { code: 'BAD_REQUEST', path: 'flows.create' } });
    expect(await entries()).toEqual(before);

    const repaired = await send('installation.repairWebhooks', '{"not json');
    expect(repaired.status).toBe(200);
    const after = await entries();
    expect(after.slice(1)).toEqual(before);
    expect(after[0]).toMatchObject({ action: 'installation.repairWebhooks', actor: { kind: 'user', id: userId } });
  });

  it('filters by action prefix and pages with a cursor', async () => {
    const first = await api.audit.list.query({ action: 'flows.', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items.every((e) => e.action.startsWith('flows.'))).toBe(true);
    const second = await api.audit.list.query({ action: 'flows.', limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
  });

  it('records settings Clockify sent through the lifecycle, with Clockify as the actor', async () => {
    const res = await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: [{ id: 'log_retention_days', name: 'r', value: 7 }],
      },
    );
    expect(res.status).toBe(200);
    const [entry] = (await api.audit.list.query({ action: 'settings.updated' })).items;
    expect(entry).toMatchObject({ actor: { kind: 'clockify', id: null }, summary: 'settings saved in Clockify: log_retention_days' });
    expect(entry!.details).toEqual({ changes: { log_retention_days: { from: null, to: 7 } } });
  });

  it('keeps entries for log_retention_days, like the log', async () => {
    const old = Date.now() - 8 * 86_400_000;
    await auditQueries.insertAuditEntry(server.deps.db, {
      id: newId(old),
      workspaceId: ws,
      at: old,
      actorKind: 'user',
      actorId: userId,
      action: 'flows.create',
      targetType: 'flow',
      targetId: 'ancient',
      summary: 'created flow "old"',
      details: {},
    });
    expect((await api.audit.list.query({ targetId: 'ancient' })).items).toHaveLength(1);
    await runRetention(server.deps.db, server.deps.api.config.settingsDefaults);
    expect((await api.audit.list.query({ targetId: 'ancient' })).items).toHaveLength(0);
    expect((await api.audit.list.query({ action: 'settings.updated' })).items).toHaveLength(1);
  });
});
