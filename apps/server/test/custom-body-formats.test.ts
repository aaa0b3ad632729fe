import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';

import { REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const SECRET = 'form-secret';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Issue 17.6: custom sources take form-encoded, text and XML bodies, verified over the exact bytes received. */
describe.each(dialects)('non-JSON senders on custom sources on %s', (dialect) => {
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let publicId: string;
  const post = (body: string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-hub-signature-256': sign(body), ...headers },
      body,
    });

  beforeAll(async () => {
    server = await startTestServer({ dialect, env: { UW_REDACT_FIELDS: '$.card', UW_WEBHOOK_BODY_LIMIT_BYTES: '4096' } });
    const login = await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json();
    api = trpcClient(server.url, login.token);
    const { source } = await api.sources.create.mutate({ name: 'GitHub', verification: { kind: 'github' }, secret: SECRET });
    publicId = source.publicId;
  });
  afterAll(() => server?.close());

  it("accepts GitHub's default form-encoded delivery, verifies X-Hub-Signature-256 and shows it as JSON", async () => {
    const event = { action: 'opened', issue: { number: 42, title: 'Flaky test & more' } };
    const body = `payload=${encodeURIComponent(JSON.stringify(event))}`;
    const headers = { 'x-github-event': 'issues', 'x-github-delivery': `form-${dialect}` };
    const res = await post(body, 'application/x-www-form-urlencoded', headers);
    expect(res.status).toBe(200);
    const { id, outcome } = await res.json();
    expect(outcome).toBe('no_match');

    const detail = await api.webhooks.get.query({ id });
    expect(detail).toMatchObject({ eventType: 'issues', signature: 'valid', payload: event, rawBody: body });
    expect(detail.contentType).toBe('application/x-www-form-urlencoded');
    // The stored payload is JSON: the log can be searched by a path inside it.
    const found = await api.webhooks.list.query({ payload: { path: '$.issue.number', equals: 42 } });
    expect(found.items.map((w) => w.id)).toContain(id);
  });

  it('refuses a form whose signature does not cover the exact bytes, and stores nothing', async () => {
    const body = `payload=${encodeURIComponent('{"action":"closed"}')}`;
    const reencoded = body.replace('%22', '"');
    const res = await fetch(`${server.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-hub-signature-256': sign(body) },
      body: reencoded,
    });
    expect(res.status).toBe(401);
    const list = await api.webhooks.list.query({});
    expect(list.items.some((w) => w.sizeBytes === reencoded.length && w.outcome !== 'rejected')).toBe(false);
  });

  it('stores text/plain and XML as received beside their parsed view', async () => {
    const text = 'Build 1234 failed on main';
    const t = await (await post(text, 'text/plain; charset=utf-8')).json();
    expect(await api.webhooks.get.query({ id: t.id })).toMatchObject({
      payload: { text },
      rawBody: text,
      contentType: 'text/plain; charset=utf-8',
    });

    const xml = '<?xml version="1.0"?><notification kind="sms"><from>+15550100</from><body>Hi &amp; bye</body></notification>';
    const x = await (await post(xml, 'application/xml')).json();
    const detail = await api.webhooks.get.query({ id: x.id });
    expect(detail.payload).toEqual({ notification: { '@kind': 'sms', from: '+15550100', body: 'Hi & bye' } });
    expect(detail.rawBody).toBe(xml);
  });

  it('keeps no text copy when redaction removed a field from the parsed view', async () => {
    const body = 'name=Ada&card=4242424242424242';
    const { id } = await (await post(body, 'application/x-www-form-urlencoded')).json();
    const detail = await api.webhooks.get.query({ id });
    expect(detail.payload).toEqual({ name: 'Ada', card: '[REDACTED]' });
    expect(detail.redacted).toEqual(['$.card']);
    expect(detail.rawBody).toBeNull();
    expect(JSON.stringify(detail)).not.toContain('4242424242424242');
  });

  it('applies the size and shape limits: 413 past the body limit, 400 for a DTD, 415 for other types (logged as rejected)', async () => {
    const big = `text=${'x'.repeat(5_000)}`;
    expect((await post(big, 'application/x-www-form-urlencoded')).status).toBe(413);

    const bomb = '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>';
    const dtd = await post(bomb, 'application/xml');
    expect(dtd.status).toBe(400);
    expect((await dtd.json()).error.code).toBe('INVALID_BODY');

    const png = await post('\x89PNG', 'image/png');
    expect(png.status).toBe(415);
    const { id, error } = await png.json();
    expect(error.message).toContain('application/x-www-form-urlencoded');
    expect(await api.webhooks.get.query({ id })).toMatchObject({ outcome: 'rejected', contentType: 'image/png' });
  });
});
