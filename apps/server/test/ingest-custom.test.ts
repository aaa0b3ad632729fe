import { createHmac } from 'node:crypto';

import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WebhookLog } from '@uw/db';
import { testDialects } from '@uw/db/testing';

import { REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const hmacHex = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');

describe.each(dialects)('custom webhook sources on %s', (dialect) => {
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  const send = (publicId: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const create = (verification: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    api.sources.create.mutate({ name: `src ${verification.kind}`, verification: verification as never, ...extra });

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    const login = await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json();
    api = trpcClient(server.url, login.token);
  });
  afterAll(() => server?.close());

  it('GitHub: the published test vector passes, a tampered body and a wrong secret fail (W7)', async () => {
    const { source } = await create({ kind: 'github' }, { secret: "It's a Secret to Everybody" });
    const payload = 'Hello, World!';
    // The vector signs a non-JSON payload; we check the signature layer with a JSON body of our own too.
    expect(hmacHex("It's a Secret to Everybody", payload)).toBe('757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
    const body = JSON.stringify({ action: 'opened' });
    const good = await send(source.publicId, body, {
      'x-hub-signature-256': `sha256=${hmacHex("It's a Secret to Everybody", body)}`,
      'x-github-event': 'issues',
      'x-github-delivery': 'd-1',
    });
    expect(good.status).toBe(200);
    const bad = await send(source.publicId, body.replace('opened', 'closed'), {
      'x-hub-signature-256': `sha256=${hmacHex("It's a Secret to Everybody", body)}`,
    });
    expect(bad.status).toBe(401);
    const wrong = await send(source.publicId, body, { 'x-hub-signature-256': `sha256=${hmacHex('other', body)}` });
    expect(wrong.status).toBe(401);
    const short = await send(source.publicId, body, { 'x-hub-signature-256': 'sha256=abcd' });
    expect(short.status).toBe(401);
    const row = await server.deps.db.fork().findOneOrFail(WebhookLog, { id: (await good.json()).id, workspaceId: 'dev-workspace' });
    expect(row.eventType).toBe('issues');
  });

  it('Stripe: t= and v1= with the UTF-8 secret; stale and future timestamps fail (W4, W7)', async () => {
    const { source, secret } = await create({ kind: 'stripe', toleranceSeconds: 300 });
    const body = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' });
    const sign = (t: number) => `t=${t},v1=${hmacHex(secret!, `${t}.${body}`)}`;
    const now = Math.floor(Date.now() / 1000);
    const ok = await send(source.publicId, body, { 'stripe-signature': sign(now) });
    expect(ok.status).toBe(200);
    expect(
      (await server.deps.db.fork().findOneOrFail(WebhookLog, { id: (await ok.json()).id, workspaceId: 'dev-workspace' })).eventType,
    ).toBe('invoice.paid');
    // Five seconds past the tolerance either way: `now` is whole seconds here, the server compares to the millisecond.
    expect((await send(source.publicId, body, { 'stripe-signature': sign(now - 305) })).status).toBe(401);
    expect((await send(source.publicId, body, { 'stripe-signature': sign(now + 305) })).status).toBe(401);
    expect((await send(source.publicId, body, { 'stripe-signature': `t=${now}` })).status).toBe(401);
  });

  it('Standard Webhooks: valid, multi-signature rotation header, stale, tampered, missing headers (W1–W5)', async () => {
    const { source, secret } = await create({ kind: 'standard' });
    const wh = new Webhook(secret!);
    const body = JSON.stringify({ type: 'thing.happened', n: 1 });
    const at = new Date();
    const sig = wh.sign('msg_1', at, body);
    const headers = (id: string, ts: Date, signature: string) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)),
      'webhook-signature': signature,
    });
    expect((await send(source.publicId, body, headers('msg_1', at, sig))).status).toBe(200);
    const multi = `v2,abc v1,${Buffer.from('wrong').toString('base64')} ${wh.sign('msg_2', at, body)}`;
    expect((await send(source.publicId, body, headers('msg_2', at, multi))).status).toBe(200);
    const old = new Date(Date.now() - 301_000);
    expect((await send(source.publicId, body, headers('msg_3', old, wh.sign('msg_3', old, body)))).status).toBe(401);
    expect((await send(source.publicId, `${body} `, headers('msg_4', at, wh.sign('msg_4', at, body)))).status).toBe(401);
    const missing = await send(source.publicId, body, { 'webhook-id': 'msg_5' });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/webhook-timestamp/);
    expect((await send(source.publicId, body, headers('msg_6', at, 'v1,'))).status).toBe(401);
  });

  it('dedups on webhook-id: the same message id twice starts nothing the second time (W6, W10)', async () => {
    const { source, secret } = await create({ kind: 'standard' });
    const wh = new Webhook(secret!);
    const body = JSON.stringify({ type: 'again' });
    const at = new Date();
    const h = {
      'webhook-id': 'msg_dup',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': wh.sign('msg_dup', at, body),
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => send(source.publicId, body, h).then((r) => r.json())));
    expect(
      results.filter((r) => r.outcome === 'duplicate'),
      JSON.stringify(results),
    ).toHaveLength(9);
  });

  it('HMAC in a named header (hex with prefix, and base64), bearer, and rotation keeps both secrets live', async () => {
    const hex = await create({ kind: 'hmac', header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' });
    const body = JSON.stringify({ a: 1 });
    expect((await send(hex.source.publicId, body, { 'x-signature': `sha256=${hmacHex(hex.secret!, body)}` })).status).toBe(200);
    expect((await send(hex.source.publicId, body, { 'x-signature': hmacHex(hex.secret!, body) })).status).toBe(401);
    const b64 = await create({ kind: 'hmac', header: 'X-Sig', encoding: 'base64' });
    const b64sig = createHmac('sha256', b64.secret!).update(body).digest('base64');
    expect((await send(b64.source.publicId, body, { 'x-sig': b64sig })).status).toBe(200);

    const bearer = await create({ kind: 'bearer' });
    expect((await send(bearer.source.publicId, body, { authorization: `Bearer ${bearer.secret}` })).status).toBe(200);
    expect((await send(bearer.source.publicId, JSON.stringify({ a: 2 }), { authorization: 'Bearer nope' })).status).toBe(401);
    const rotated = await api.sources.rotateSecret.mutate({ id: bearer.source.id });
    expect((await send(bearer.source.publicId, JSON.stringify({ a: 3 }), { authorization: `Bearer ${bearer.secret}` })).status).toBe(200);
    expect((await send(bearer.source.publicId, JSON.stringify({ a: 4 }), { authorization: `Bearer ${rotated.secret}` })).status).toBe(200);
    await api.sources.rotateSecret.mutate({ id: bearer.source.id });
    expect((await send(bearer.source.publicId, JSON.stringify({ a: 5 }), { authorization: `Bearer ${bearer.secret}` })).status).toBe(401);
  });

  it('unsigned sources are accepted only when chosen, and marked unverified (W14)', async () => {
    const { source, secret } = await create({ kind: 'none' });
    expect(secret).toBeNull();
    const res = await send(source.publicId, JSON.stringify({ hello: 'world' }));
    expect(res.status).toBe(200);
    const row = await server.deps.db.fork().findOneOrFail(WebhookLog, { id: (await res.json()).id, workspaceId: 'dev-workspace' });
    expect(row.signature).toBe('unverified');
  });

  it('limits each source per minute with 429 and Retry-After, storing nothing beyond the quota (L8)', async () => {
    const { source } = await create({ kind: 'none' }, { ratePerMinute: 3 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await send(source.publicId, JSON.stringify({ i }));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await server.deps.db.fork().count(WebhookLog, { sourceId: source.id, workspaceId: 'dev-workspace' })).toBe(3);
  });

  it('refuses unknown sources (404), disabled sources and the enable_custom=false workspace (403)', async () => {
    expect((await send('src_doesnotexist', '{}')).status).toBe(404);
    const { source } = await create({ kind: 'none' });
    await api.sources.update.mutate({ id: source.id, data: { enabled: false } });
    const res = await send(source.publicId, '{}');
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/disabled/);
  });

  it('never returns a secret from list or get', async () => {
    const list = await api.sources.list.query();
    expect(JSON.stringify(list)).not.toMatch(/secretCiphers|whsec_/);
  });
});
