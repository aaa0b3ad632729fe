/**
 * Issue 12, rows 3 and 4: one tenant's unstorable payload cannot fail another tenant's webhooks, and requests
 * with no verified workspace are counted and sampled, never stored, with a per-address refusal budget.
 */
import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { createLogger } from '../src/logger';
import {
  createClockifyKeys,
  installLikeClockify,
  REQUIRE_PG,
  startTestServer,
  TEST_PG_ADMIN_URL,
  trpcClient,
  webhookTokenFor,
  type TTestServer,
} from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'eeeeeeeeeeeeeeeeeeee0001';

describe.each(dialects)('hostile ingestion on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let token: string;
  let sourceId: string;
  let publicId: string;
  const clockify = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
        'clockify-signature': token,
        ...headers,
      },
      body,
    });
  const custom = (id: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/custom/${id}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const allRows = async () => Number((await server.deps.db.knex()('universal_webhook_log').count({ n: '*' }).first())?.n);
  const lines = () => server.logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Record<string, any>);

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    // The refusal budget earns nothing back during the test: a slow machine cannot refill it between two requests.
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, refusals: { perSecond: 0.001 } });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    token = webhookTokenFor(sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    const login = await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json();
    const api = trpcClient(server.url, login.token);
    const { source } = await api.sources.create.mutate({
      name: 'nul sender',
      verification: { kind: 'none' } as never,
      ratePerMinute: 10_000,
    });
    sourceId = source.id;
    publicId = source.publicId;
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('refuses NUL and unpaired surrogates with 400 on Clockify and custom routes, keeping a payload-free rejected row', async () => {
    for (const body of ['{"id":"n1","note":"a\\u0000b"}', '{"id":"n2","note":"\\ud800"}', '{"id\\u0000":"n3"}']) {
      const viaClockify = await clockify(body);
      expect(viaClockify.status, body).toBe(400);
      expect((await viaClockify.json()).error).toMatchObject({ code: 'INVALID_JSON', message: expect.stringMatching(/NUL|surrogate/) });
      const viaCustom = await custom(publicId, body);
      expect(viaCustom.status, body).toBe(400);
      const stored = await server.deps.db
        .knex()('universal_webhook_log')
        .where('id', (await viaCustom.json()).id)
        .first();
      expect(stored).toMatchObject({ workspace_id: 'dev-workspace', outcome: 'rejected' });
      expect([null, 'null'], 'no payload kept (JSON null)').toContain(stored.payload);
    }
  });

  it("30 NUL payloads to one workspace's source beside 300 concurrent valid webhooks of another: 300 × 200", async () => {
    const valid = Array.from({ length: 300 }, (_, i) => clockify(JSON.stringify({ id: `ok-${i}`, workspaceId: ws })));
    const hostile = Array.from({ length: 30 }, (_, i) => custom(publicId, `{"id":"bad-${i}","note":"x\\u0000y"}`));
    const [good, bad] = await Promise.all([Promise.all(valid), Promise.all(hostile)]);
    expect(good.map((r) => r.status)).toEqual(Array(300).fill(200));
    expect(bad.map((r) => r.status)).toEqual(Array(30).fill(400));
    const stored = await server.deps.db
      .knex()('universal_webhook_log')
      .where({ workspace_id: ws, outcome: 'no_match' })
      .count({ n: '*' })
      .first();
    expect(Number(stored?.n)).toBeGreaterThanOrEqual(300);
    const errors = lines().filter((l) => l.level >= 50);
    expect(errors, JSON.stringify(errors.slice(0, 2))).toEqual([]);
  });

  it('stores nothing for forged signatures, unknown sources and bad custom signatures; counts them by reason; samples the log', async () => {
    const hmac = await trpcClient(
      server.url,
      (await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json()).token,
    ).sources.create.mutate({ name: 'hmac', verification: { kind: 'hmac', header: 'x-sig', encoding: 'hex' } as never });
    const forged = await createClockifyKeys().sign({ workspaceId: ws, addonId: sim.addonId, sub: 'universal-webhook' });
    const before = await allRows();
    const logLinesBefore = lines().filter((l) => l.msg === 'unauthenticated request refused').length;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await clockify(JSON.stringify({ id: `f-${i}`, workspaceId: ws }), { 'clockify-signature': forged })).status);
      statuses.push((await custom('src_doesnotexist', '{}')).status);
      statuses.push((await custom(hmac.source.publicId, '{"a":1}', { 'x-sig': 'sha256=00' })).status);
    }
    expect(new Set(statuses)).toEqual(new Set([401, 404]));
    expect(await allRows()).toBe(before);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('uw_webhook_refusals_total{source="clockify",reason="SIGNATURE_INVALID"} 30');
    expect(metrics).toContain('uw_webhook_refusals_total{source="custom",reason="NOT_FOUND"} 30');
    expect(metrics).toContain('uw_webhook_refusals_total{source="custom",reason="SIGNATURE_INVALID"} 30');
    const sampled = lines()
      .filter((l) => l.msg === 'unauthenticated request refused')
      .slice(logLinesBefore);
    expect(sampled.length).toBeGreaterThanOrEqual(1);
    expect(sampled.length).toBeLessThan(15);
    expect(sampled[0]).toMatchObject({ sampled: true, res: { statusCode: expect.any(Number) } });
  });

  it('a database error that refused a payload is logged without the payload', async () => {
    const canary = 'payload-canary-7f3a';
    const base = {
      id: `canary-${dialect}`,
      workspace_id: 'dev-workspace',
      source: 'custom',
      source_id: null,
      event_type: 'webhook',
      payload: '{}',
      headers: '{}',
      received_at: Date.now(),
      signature: 'unverified',
      dedup_key: null,
      outcome: 'no_match',
      reason: null,
      flow_ids: '[]',
      redacted: '[]',
      size_bytes: 2,
    };
    await server.deps.db.knex()('universal_webhook_log').insert(base);
    const row = { ...base, payload: JSON.stringify({ note: `${canary}\u0000` }) };
    // PostgreSQL refuses \u0000 in jsonb (and quotes the JSON in `where`); SQLite refuses the duplicate id.
    const err = await server.deps.db
      .knex()('universal_webhook_log')
      .insert(row)
      .then(
        () => expect.unreachable('the insert should fail'),
        (e: unknown) => e as Error,
      );
    expect(JSON.stringify({ ...err, message: err.message })).toMatch(dialect === 'postgresql' ? /Unicode|\\u0000/ : /UNIQUE/);
    expect(err.message).not.toContain(canary);
    const out: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _enc, cb) {
          out.push(String(chunk));
          cb();
        },
      }),
    );
    logger.error({ err }, 'commit failed');
    expect(out.join('')).toContain('commit failed');
    expect(out.join('')).not.toContain(canary);
  });

  it('a verified workspace keeps its refusals in the audit log', async () => {
    const before = await allRows();
    const res = await clockify('{"id":');
    expect(res.status).toBe(400);
    expect(await allRows()).toBe(before + 1);
    expect(sourceId).toBeTruthy();
  });

  it('answers 429 with Retry-After once an address spent its refusals, whatever it sends, and stores nothing', async () => {
    const before = await allRows();
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await clockify('{}', { 'clockify-signature': 'garbage' });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(401);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited!.json()).error.code).toBe('RATE_LIMITED');
    // Even a correctly signed webhook from that address waits: the budget is spent before the signature is read.
    expect((await clockify(JSON.stringify({ id: 'after-limit', workspaceId: ws }))).status).toBe(429);
    expect(await allRows()).toBe(before);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(
      /uw_webhook_refusals_total\{source="clockify",reason="CLIENT_RATE_LIMITED"\} [1-9]/,
    );
  });
});
