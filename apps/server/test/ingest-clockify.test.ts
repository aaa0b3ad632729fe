import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WebhookLog } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import {
  CLOCKIFY_FIXTURES,
  createClockifyKeys,
  REQUIRE_PG,
  signWithSim,
  startTestServer,
  TEST_PG_ADMIN_URL,
  trpcClient,
  waitFor,
  webhookTokenFor,
  installLikeClockify,
  type TTestServer,
} from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const EXAMPLES = CLOCKIFY_FIXTURES.webhookExamples;

describe.each(dialects)('Clockify webhook ingestion on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  const ws = 'cccccccccccccccccccccc01';
  let token: string;
  const deliver = (eventType: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'clockify-webhook-event-type': eventType, 'clockify-signature': token, ...headers },
      body,
    });
  const countLogs = (where: object = {}) => server.deps.db.fork().count(WebhookLog, { workspaceId: ws, ...where });

  beforeAll(async () => {
    sim = await startSimulator({
      seed: {
        workspaces: [
          { id: ws, users: 2, clients: 2, projects: 3, tags: 2, timeEntries: 5 },
          { id: 'cccccccccccccccccccccc02', users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 },
        ],
      },
    });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    token = webhookTokenFor(sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('accepts all 49 real bodies signed as Clockify would, stores them with their event type, lists them', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(49);
    for (const file of files) {
      const eventType = file.replace(/\.json$/, '');
      const raw = readFileSync(join(EXAMPLES, file), 'utf8').replace(/"workspaceId"\s*:\s*"[0-9a-f]{24}"/g, `"workspaceId": "${ws}"`);
      const res = await deliver(eventType, raw);
      expect(res.status, eventType).toBe(200);
      expect((await res.json()).outcome, eventType).toBe('no_match');
    }
    const api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await api.webhooks.list.query({ source: 'clockify', limit: 20, cursor });
      page.items.forEach((i) => seen.add(i.eventType));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(49);
  });

  it('answers a repeated delivery (same event type and raw body) as a duplicate and logs it so', async () => {
    const body = JSON.stringify({ id: 'dup-1', workspaceId: ws, description: 'same bytes' });
    expect((await (await deliver('NEW_TIME_ENTRY', body)).json()).outcome).toBe('no_match');
    const second = await deliver('NEW_TIME_ENTRY', body);
    expect(second.status).toBe(200);
    expect((await second.json()).outcome).toBe('duplicate');
    expect(await countLogs({ outcome: 'duplicate' })).toBeGreaterThanOrEqual(1);
  });

  it('lets exactly one of 20 concurrent identical deliveries through (W6)', async () => {
    const body = JSON.stringify({ id: 'dup-storm', workspaceId: ws });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => deliver('NEW_TIME_ENTRY', body).then((r) => r.json())));
    expect(outcomes.filter((o) => o.outcome === 'no_match')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(19);
  });

  it('refuses forged signatures, other keys, alg none, and tokens of no installed workspace (W9) and stores no valid row', async () => {
    const before = await countLogs({ outcome: { $ne: 'rejected' } });
    const other = createClockifyKeys();
    const forged = await other.sign({ workspaceId: ws, addonId: sim.addonId, sub: 'universal-webhook' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'clockify', sub: 'universal-webhook', type: 'addon', workspaceId: ws })).toString('base64url')}.`;
    const genuineButUnknown = await signWithSim(sim, { workspaceId: ws, addonId: sim.addonId, sub: 'universal-webhook' });
    for (const sig of [forged, unsigned, genuineButUnknown, 'garbage']) {
      const res = await deliver('NEW_TIME_ENTRY', JSON.stringify({ id: `x-${sig.length}`, workspaceId: ws }), {
        'clockify-signature': sig,
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('SIGNATURE_INVALID');
    }
    expect(await countLogs({ outcome: { $ne: 'rejected' } })).toBe(before);
  });

  it('refuses a body naming another workspace than the signature (W8)', async () => {
    const res = await deliver('NEW_TIME_ENTRY', JSON.stringify({ id: 'w8', workspaceId: 'ffffffffffffffffffffffff' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('WORKSPACE_MISMATCH');
  });

  it('gives clear 4xx for bad input and stores nothing valid (W11)', async () => {
    const before = await countLogs({ outcome: { $ne: 'rejected' } });
    const cases: [string, RequestInit & { headers: Record<string, string> }, number, string][] = [
      ['missing event type', { headers: { 'clockify-webhook-event-type': '' }, body: '{}' }, 400, 'UNKNOWN_EVENT_TYPE'],
      ['unknown event type', { headers: { 'clockify-webhook-event-type': 'NOT_AN_EVENT' }, body: '{}' }, 400, 'UNKNOWN_EVENT_TYPE'],
      ['invalid JSON', { headers: {}, body: '{"a":' }, 400, 'INVALID_JSON'],
      ['text/plain', { headers: { 'content-type': 'text/plain' }, body: '{}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [
        'invalid UTF-8',
        { headers: {}, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) as unknown as string },
        400,
        'INVALID_JSON',
      ],
      ['too large', { headers: {}, body: JSON.stringify({ big: 'x'.repeat(1_100_000) }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [name, init, status, code] of cases) {
      const res = await fetch(`${server.url}/webhooks/clockify`, {
        method: 'POST',
        body: init.body,
        headers: {
          'content-type': 'application/json',
          'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
          'clockify-signature': token,
          ...init.headers,
        },
      });
      expect(res.status, name).toBe(status);
      expect((await res.json()).error.code, name).toBe(code);
    }
    expect(await countLogs({ outcome: { $ne: 'rejected' } })).toBe(before);
  });

  it('rejects webhooks while the add-on is INACTIVE and accepts them again when ACTIVE', async () => {
    await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: ws }, { status: 'INACTIVE' });
    const res = await deliver('NEW_TIME_ENTRY', JSON.stringify({ id: 'inactive-1', workspaceId: ws }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('WORKSPACE_INACTIVE');
    await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: ws }, { status: 'ACTIVE' });
    expect((await deliver('NEW_TIME_ENTRY', JSON.stringify({ id: 'inactive-2', workspaceId: ws }))).status).toBe(200);
  });

  it('redacts configured fields before storage and marks what was redacted', async () => {
    await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      {
        settings: [{ id: 'redact_fields', name: 'r', value: '$.user.email, $.note' }],
      },
    );
    const res = await deliver(
      'NEW_TIME_ENTRY',
      JSON.stringify({ id: 'pii-1', workspaceId: ws, user: { email: 'secret.person@example.com', name: 'S' }, note: 'n' }),
    );
    const { id } = await res.json();
    const row = await server.deps.db.fork().findOneOrFail(WebhookLog, { id, workspaceId: ws });
    expect(JSON.stringify(row.payload)).not.toContain('secret.person@example.com');
    expect(row.redacted).toEqual(['$.user.email', '$.note']);
    await sim.sendLifecycle(
      { addonUrl: server.url, kind: 'settings-updated', workspaceId: ws },
      { settings: [{ id: 'redact_fields', name: 'r', value: '' }] },
    );
  });

  it('stores a body as received when it can, and numbers past a double as the parsed value holds them', async () => {
    const spaced = `{ "id": "raw-1",\n  "workspaceId": "${ws}", "name": "Spaced" }`;
    const beyond = `{"id":"raw-2","workspaceId":"${ws}","huge":1e999999,"long":12345678901234567890}`;
    const stored = async (body: string) => {
      const res = await deliver('NEW_TAG', body);
      expect(res.status).toBe(200);
      const { id } = await res.json();

      return (await server.deps.db.fork().findOneOrFail(WebhookLog, { id, workspaceId: ws })).payload;
    };
    expect(await stored(spaced)).toEqual({ id: 'raw-1', workspaceId: ws, name: 'Spaced' });
    expect(await stored(beyond)).toEqual({ id: 'raw-2', workspaceId: ws, huge: null, long: 12345678901234567000 });
  });

  it('finds webhooks by a payload path and value', async () => {
    await deliver('NEW_PROJECT', JSON.stringify({ id: 'p-search', workspaceId: ws, name: 'Findable Project', billable: true }));
    const api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const byName = await api.webhooks.list.query({ payload: { path: '$.name', equals: 'Findable Project' } });
    expect(byName.items.map((i) => i.eventType)).toEqual(['NEW_PROJECT']);
    const detail = await api.webhooks.get.query({ id: byName.items[0]!.id });
    expect((detail.payload as { name: string }).name).toBe('Findable Project');
    expect(detail.headers['clockify-signature']).toBeUndefined();
  });

  it('keeps the entity cache fresh in the same commit as the log row: NEW_PROJECT upserts, PROJECT_DELETED removes', async () => {
    const api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const id = 'abcdefabcdefabcdefabcdef';
    const search = () => api.cache.search.query({ entityType: 'project', query: 'Cached Apollo' });
    // No waiting: the 200 is sent after the commit that also holds the cache change.
    expect((await deliver('NEW_PROJECT', JSON.stringify({ id, workspaceId: ws, name: 'Cached Apollo' }))).status).toBe(200);
    expect((await search()).map((h) => h.id)).toEqual([id]);
    const renamed = await deliver('PROJECT_UPDATED', JSON.stringify({ id, workspaceId: ws, name: 'Cached Apollo II' }));
    expect(renamed.status).toBe(200);
    expect((await search()).map((h) => h.name)).toEqual(['Cached Apollo II']);
    expect((await deliver('PROJECT_DELETED', JSON.stringify({ id, workspaceId: ws, name: 'Cached Apollo', deleted: true }))).status).toBe(
      200,
    );
    expect(await search()).toEqual([]);
  });

  it('access-logs refused webhooks with their request id, and leaves accepted ones to the audit log', async () => {
    const lines = () => server.logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Record<string, any>);
    const accepted = await deliver('NEW_TIME_ENTRY', JSON.stringify({ id: 'access-ok', workspaceId: ws }), { 'x-request-id': 'acc-ok-1' });
    const refused = await deliver('NEW_TIME_ENTRY', '{"id":', { 'x-request-id': 'acc-bad-1' });
    expect([accepted.status, refused.status]).toEqual([200, 400]);
    expect(refused.headers.get('x-request-id')).toBe('acc-bad-1');
    await waitFor(async () => lines().some((l) => l.req?.id === 'acc-bad-1'));
    const line = lines().find((l) => l.req?.id === 'acc-bad-1')!;
    expect(line).toMatchObject({ msg: 'request refused', req: { method: 'POST', url: '/webhooks/clockify' }, res: { statusCode: 400 } });
    expect(JSON.stringify(line)).not.toContain(token);
    expect(lines().filter((l) => l.req?.id === 'acc-ok-1')).toEqual([]);
  });

  it('drops cached credentials at once on a status change and on uninstall (no stale acceptance)', async () => {
    const other = 'cccccccccccccccccccccc02';
    expect((await installLikeClockify(sim, server.url, other)).status).toBe(200);
    const otherToken = webhookTokenFor(sim, { workspaceId: other, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    const send = (id: string) =>
      deliver('NEW_TIME_ENTRY', JSON.stringify({ id, workspaceId: other }), { 'clockify-signature': otherToken });
    expect((await send('before-pause')).status).toBe(200);
    expect(
      (await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: other }, { status: 'INACTIVE' })).status,
    ).toBe(200);
    expect((await send('while-paused')).status).toBe(403);
    expect(
      (await sim.sendLifecycle({ addonUrl: server.url, kind: 'status-changed', workspaceId: other }, { status: 'ACTIVE' })).status,
    ).toBe(200);
    expect((await send('before-uninstall')).status).toBe(200);
    expect((await sim.sendLifecycle({ addonUrl: server.url, kind: 'uninstalled', workspaceId: other }, {})).status).toBe(200);
    expect((await send('after-uninstall')).status).toBe(401);
  });
});
