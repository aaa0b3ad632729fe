/**
 * A bad-input corpus against one running server (W5, W8–W11, §2 SSRF, §3 JSONata): every malformed,
 * oversized, forged or hostile input gets its documented 4xx with `{ error: { code, message } }`, nothing
 * of it is stored as a valid webhook, hostile flows fail with their code, no socket reaches an SSRF target,
 * and the server stays healthy throughout.
 */
import { generateKeyPairSync } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { gzipSync } from 'node:zlib';

import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signWithSim, timeEntryBody, updateSettings, waitFor, webhookToken, type TOwnerClient } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { createScenario, type TScenario } from './support/scenario';
import type { TServerProcess } from './support/server-process';

const ws = 'feeeeeeeeeeeeeeeeeeeee01';
const other = 'feeeeeeeeeeeeeeeeeeeee02';
const notInstalled = 'feeeeeeeeeeeeeeeeeeeee03';
const available = await postgresAvailable('bad input');

type TAnswer = {
  status: number;
  body: { id?: string; outcome?: string; flows?: number; error?: { code?: string; message?: string } };
  headers: Headers;
};

describe.skipIf(!available)('bad input against a running server (PostgreSQL)', () => {
  let s: TScenario;
  let server: TServerProcess;
  let api: TOwnerClient;
  let signature: string;
  let target: Server;
  let targetPort: number;
  let targetConnections = 0;

  const post = async (body: string | Buffer, headers: Record<string, string>, path = '/webhooks/clockify'): Promise<TAnswer> => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let parsed: TAnswer['body'] = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { error: { message: text } };
    }

    return { status: res.status, body: parsed, headers: res.headers };
  };
  const signed = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'clockify-signature': signature,
    'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
    ...extra,
  });
  const validBody = (id: string) => JSON.stringify(timeEntryBody(ws, id));
  const storedValid = async () =>
    await s.sql.rows<{ id: string; outcome: string; body_id: string }>(
      "select id, outcome, payload->>'id' as body_id from universal_webhook_log where outcome not in ('rejected')",
    );

  let otherApi: TOwnerClient;
  const totalRows = async () => Number((await s.sql.rows<{ n: string }>('select count(*) as n from universal_webhook_log'))[0]!.n);

  beforeAll(async () => {
    s = await createScenario({
      sim: {
        seed: { workspaces: [ws, other, notInstalled].map((id) => ({ id, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 })) },
      },
    });
    server = await s.spawn('bad-input', { UW_ROLE: 'all' });
    await server.waitReady();
    api = await s.install(server.url, ws);
    otherApi = await s.install(server.url, other);
    await updateSettings(s.sim, { serverUrl: server.url, workspaceId: ws }, { enable_generic_http_actions: true });
    signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    // The would-be SSRF victim: a loopback listener that counts every connection it gets.
    target = createServer((socket) => {
      targetConnections += 1;
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecret');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetPort = (target.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => target?.close(r));
    await s?.close();
  });

  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const cases: { name: string; send: () => Promise<TAnswer>; status: number; code: string }[] = [
    { name: 'malformed JSON', send: () => post('{"id": "x", ', signed()), status: 400, code: 'INVALID_JSON' },
    { name: 'truncated JSON', send: () => post(validBody('cut').slice(0, 40), signed()), status: 400, code: 'INVALID_JSON' },
    { name: 'empty body', send: () => post('', signed()), status: 400, code: 'INVALID_JSON' },
    {
      name: 'text/plain',
      send: () => post(validBody('tp'), signed({ 'content-type': 'text/plain' })),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'form content type',
      send: () => post('id=1', signed({ 'content-type': 'application/x-www-form-urlencoded' })),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'no content type',
      send: () => post(Buffer.from(validBody('nct')), { 'clockify-signature': signature, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'body > 1 MiB',
      send: () => post(JSON.stringify({ ...timeEntryBody(ws, 'big'), filler: 'x'.repeat(1_100_000) }), signed()),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'gzip bomb (50 MiB inflated)',
      send: () => post(gzipSync(Buffer.alloc(50 * 1_048_576, 0x20)), signed({ 'content-encoding': 'gzip' })),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'unknown content encoding',
      send: () => post(validBody('enc'), signed({ 'content-encoding': 'snappy' })),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    { name: '10,000 levels deep', send: () => post(deep(10_000), signed()), status: 400, code: 'INVALID_JSON' },
    { name: '65 levels deep', send: () => post(deep(65), signed()), status: 400, code: 'INVALID_JSON' },
    {
      name: 'invalid UTF-8',
      send: () => post(Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), signed()),
      status: 400,
      code: 'INVALID_JSON',
    },
    {
      name: 'missing signature',
      send: () => post(validBody('nosig'), { 'content-type': 'application/json', 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' }),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'garbage signature',
      send: () => post(validBody('garbage'), signed({ 'clockify-signature': 'not.a.jwt' })),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'forged signature (another RSA key)',
      send: async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const forged = await new SignJWT({ type: 'addon', workspaceId: ws, addonId: s.sim.addonId })
          .setProtectedHeader({ alg: 'RS256' })
          .setIssuer('clockify')
          .setSubject(s.sim.addonKey)
          .sign(privateKey);

        return post(validBody('forged'), signed({ 'clockify-signature': forged }));
      },
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'alg none',
      send: () => {
        const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'clockify', sub: s.sim.addonKey, type: 'addon', workspaceId: ws, addonId: s.sim.addonId })}.`;

        return post(validBody('none'), signed({ 'clockify-signature': none }));
      },
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'expired token (right key)',
      send: async () =>
        post(
          validBody('expired'),
          signed({
            'clockify-signature': await signWithSim(
              s.sim,
              { workspaceId: ws, addonId: s.sim.addonId },
              { expiresAt: Math.floor(Date.now() / 1000) - 60 },
            ),
          }),
        ),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'genuine JWT that is no stored webhook token',
      send: async () =>
        post(
          validBody('unstored'),
          signed({ 'clockify-signature': await signWithSim(s.sim, { workspaceId: ws, addonId: s.sim.addonId }) }),
        ),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: "another workspace's token",
      send: () =>
        post(
          validBody('other-ws'),
          signed({ 'clockify-signature': webhookToken(s.sim, { workspaceId: other, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url }) }),
        ),
      status: 403,
      code: 'WORKSPACE_MISMATCH',
    },
    {
      name: 'token of a workspace that never installed',
      send: async () =>
        post(
          JSON.stringify(timeEntryBody(notInstalled, 'ni')),
          signed({ 'clockify-signature': await signWithSim(s.sim, { workspaceId: notInstalled, addonId: s.sim.addonId }) }),
        ),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'unknown event type',
      send: () => post(validBody('evt'), signed({ 'clockify-webhook-event-type': 'NO_SUCH_EVENT' })),
      status: 400,
      code: 'UNKNOWN_EVENT_TYPE',
    },
    {
      name: 'unknown custom source',
      send: () => post(validBody('src'), { 'content-type': 'application/json' }, '/webhooks/custom/src_doesnotexist'),
      status: 404,
      code: 'NOT_FOUND',
    },
  ];

  it('answers each bad request with its documented 4xx and a clear message, and stores none as valid', async () => {
    const before = await storedValid();
    const results: string[] = [];
    for (const c of cases) {
      const answer = await c.send();
      results.push(`${c.name}: ${answer.status} ${answer.body.error?.code}`);
      expect({ name: c.name, status: answer.status, code: answer.body.error?.code }, answer.body.error?.message).toEqual({
        name: c.name,
        status: c.status,
        code: c.code,
      });
      expect(answer.body.error?.message?.length ?? 0, `${c.name}: a message`).toBeGreaterThan(5);
      expect(JSON.stringify(answer.body)).not.toMatch(/at \S+ \(|node_modules|\.ts:\d+/);
    }
    const after = await storedValid();
    expect(
      after.filter((r) => !before.some((b) => b.id === r.id)),
      'stored as valid',
    ).toEqual([]);
    // Rejections are logged without their payload (stored as JSON null).
    const [leaked] = await s.sql.rows<{ n: string }>(
      "select count(*) as n from universal_webhook_log where outcome = 'rejected' and payload is not null and payload <> 'null'::jsonb",
    );
    expect(Number(leaked!.n)).toBe(0);
    await expect(fetch(`${server.url}/health`).then((r) => r.status)).resolves.toBe(200);
    console.info(`[bad-input] ${results.join('; ')}`);
  });

  it('answers 431 to oversized headers', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `POST /webhooks/clockify HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-filler: ${'a'.repeat(20_000)}\r\ncontent-length: 2\r\n\r\n{}`,
        );
      });
      let data = '';
      socket.on('data', (d) => {
        data += d;
      });
      socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
      socket.setTimeout(5_000, () => socket.destroy());
    });
    expect(status).toMatch(/^HTTP\/1\.1 431/);
  });

  it('a replayed body is a 200 duplicate and queues nothing', async () => {
    const body = validBody('replayed');
    const first = await post(body, signed());
    const second = await post(body, signed());
    expect(first).toMatchObject({ status: 200, body: { outcome: expect.stringMatching(/queued|no_match/) } });
    expect(second).toMatchObject({ status: 200, body: { outcome: 'duplicate', flows: 0 } });
    const rows = await s.sql.rows<{ outcome: string }>(
      "select outcome from universal_webhook_log where payload->>'id' = 'replayed' or id = $1 order by received_at",
      [second.body.id],
    );
    expect(rows.map((r) => r.outcome).sort()).toEqual([first.body.outcome, 'duplicate'].sort());
  });

  it('prototype keys in a body are dropped, not stored', async () => {
    const answer = await post(
      `{"id":"proto","workspaceId":"${ws}","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`,
      signed(),
    );
    expect(answer.status).toBe(200);
    const [row] = await s.sql.rows<{ payload: Record<string, unknown> }>('select payload from universal_webhook_log where id = $1', [
      answer.body.id,
    ]);
    expect(Object.keys(row!.payload).sort()).toEqual(['id', 'workspaceId']);
  });

  it('SSRF targets and hostile JSONata fail their execution with a code; the server stays healthy', async () => {
    const http = (id: string, url: string) => ({
      name: id,
      definition: {
        nodes: [
          { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
          { id: 'call', kind: 'http', position: { x: 0, y: 100 }, data: { method: 'GET', url: JSON.stringify(url), headers: {} } },
        ],
        edges: [{ id: 'e1', source: 'trigger', target: 'call' }],
      },
    });
    const condition = (id: string, expression: string) => ({
      name: id,
      definition: {
        nodes: [
          { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
          { id: 'check', kind: 'condition', position: { x: 0, y: 100 }, data: { expression } },
          {
            id: 'after',
            kind: 'http',
            position: { x: 0, y: 200 },
            data: { method: 'GET', url: JSON.stringify(`http://127.0.0.1:${targetPort}/after-condition`), headers: {} },
          },
        ],
        edges: [
          { id: 'e1', source: 'trigger', target: 'check' },
          { id: 'e2', source: 'check', target: 'after' },
        ],
      },
    });
    const flows = [
      { ...http('loopback listener', `http://127.0.0.1:${targetPort}/ssrf`), expect: /^SSRF_BLOCKED$/ },
      { ...http('loopback port 1', 'http://127.0.0.1:1/'), expect: /^SSRF_BLOCKED$/ },
      { ...http('cloud metadata', 'http://169.254.169.254/latest/meta-data/'), expect: /^SSRF_BLOCKED$/ },
      { ...http('hex loopback', `http://0x7f000001:${targetPort}/`), expect: /^SSRF_BLOCKED$/ },
      { ...http('IPv4-mapped IPv6 loopback', `http://[::ffff:127.0.0.1]:${targetPort}/`), expect: /^SSRF_BLOCKED$/ },
      { ...http('localhost', `http://localhost:${targetPort}/`), expect: /^SSRF_BLOCKED$/ },
      { ...http('file scheme', 'file:///etc/passwd'), expect: /^(URL_SCHEME_NOT_ALLOWED|SSRF_BLOCKED|URL_INVALID|STEP_FAILED)$/ },
      { ...condition('infinite recursion', '($f := function($x){ $f($x+1) }; $f(0))'), expect: /^EXPRESSION_(TIMEOUT|TOO_DEEP|LIMIT)$/ },
      { ...condition('huge $pad', '$pad("x", 200000000)'), expect: /^EXPRESSION_(LIMIT|TIMEOUT|ERROR)$/ },
      // RE2 makes this linear: it must not hang; it either ends the branch (no match) or fails with a code.
      {
        ...condition('ReDoS regex', '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)'),
        expect: /^(blocked|EXPRESSION_[A-Z_]+)$/,
      },
    ];
    const created: { id: string; name: string; expect: RegExp }[] = [];
    for (const f of flows) {
      const flow = await api.flows.create.mutate({ name: f.name, enabled: true, definition: f.definition as never });
      created.push({ id: flow.id, name: f.name, expect: f.expect });
    }
    const delivered = await post(validBody('hostile'), signed());
    expect(delivered.body).toMatchObject({ outcome: 'queued', flows: flows.length });

    // /health keeps answering quickly while the hostile executions run.
    const healthMs: number[] = [];
    const done = await waitFor(
      'every hostile execution finished',
      async () => {
        const t = Date.now();
        expect((await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
        healthMs.push(Date.now() - t);
        const rows = await s.sql.rows<{ id: string; flow_id: string; status: string; error: { code?: string } | null }>(
          'select id, flow_id, status, error from universal_webhook_flow_execution where log_id = $1',
          [delivered.body.id],
        );

        return rows.length === flows.length &&
          rows.every((r) => r.status === 'succeeded' || r.status === 'filtered' || r.status === 'failed')
          ? rows
          : null;
      },
      { timeoutMs: 30_000, everyMs: 100 },
    );
    const outcomes: string[] = [];
    for (const f of created) {
      const e = done.find((d) => d.flow_id === f.id)!;
      const timeline = await api.executions.get.query({ id: e.id });
      const blocked = timeline.steps.some((st) => st.nodeId === 'check' && st.status === 'blocked');
      const result = e.status === 'failed' ? String(e.error?.code) : blocked ? 'blocked' : `succeeded`;
      outcomes.push(`${f.name}: ${result}${e.status === 'failed' ? ` (${JSON.stringify(e.error).slice(0, 200)})` : ''}`);
      expect.soft({ flow: f.name, result }).toEqual({ flow: f.name, result: expect.stringMatching(f.expect) });
      expect
        .soft(
          timeline.steps.filter((st) => st.status === 'retrying'),
          `${f.name}: not retried`,
        )
        .toEqual([]);
    }

    expect(targetConnections, 'no socket reached the SSRF target').toBe(0);
    expect(Math.max(...healthMs), '/health stayed fast').toBeLessThan(1_000);
    await expect(fetch(`${server.url}/ready`).then((r) => r.status)).resolves.toBe(200);
    console.info(`[bad-input] ${outcomes.join('; ')}; /health max ${Math.max(...healthMs)} ms`);
  });

  it("30 NUL-byte payloads to one workspace's source beside 300 concurrent valid webhooks of another: 300 × 200", async () => {
    const { source } = await otherApi.sources.create.mutate({
      name: 'nul sender',
      verification: { kind: 'none' } as never,
      ratePerMinute: 10_000,
    });
    const nul = (i: number) =>
      post(
        `{"id":"nul-${i}","note":"a\\u0000b","lone":"\\ud800"}`,
        { 'content-type': 'application/json' },
        `/webhooks/custom/${source.publicId}`,
      );
    const [valid, hostile] = await Promise.all([
      Promise.all(Array.from({ length: 300 }, (_, i) => post(validBody(`tenant-${i}`), signed()))),
      Promise.all(Array.from({ length: 30 }, (_, i) => nul(i))),
    ]);
    expect(valid.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.error?.code}`)).toEqual([]);
    expect(hostile.map((a) => `${a.status} ${a.body.error?.code}`)).toEqual(Array(30).fill('400 INVALID_JSON'));
    const [stored] = await s.sql.rows<{ n: string }>(
      "select count(*) as n from universal_webhook_log where payload->>'id' like 'tenant-%'",
    );
    expect(Number(stored!.n)).toBe(300);
    await expect(fetch(`${server.url}/health`).then((r) => r.status)).resolves.toBe(200);
  });

  // Last: it spends this client address's refusal budget, so later requests from it would wait.
  it('1,000 forged webhooks add no rows; past its refusal budget the address gets 429 with Retry-After', async () => {
    const before = await totalRows();
    const forged = await signWithSim(s.sim, { workspaceId: notInstalled, addonId: s.sim.addonId });
    const statuses = new Map<number, number>();
    let retryAfter: string | null = null;
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          post(
            validBody(`forged-${round}-${i}`),
            signed({ 'clockify-signature': i % 2 ? forged : `forged.${'x'.repeat(500)}`, 'x-filler': 'y'.repeat(500) }),
          ),
        ),
      );
      for (const a of answers) {
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        retryAfter = a.status === 429 ? a.headers.get('retry-after') : retryAfter;
      }
    }
    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    expect(statuses.get(401)! + statuses.get(429)!).toBe(1_000);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await totalRows()).toBe(before);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/uw_webhook_refusals_total\{source="clockify",reason="SIGNATURE_INVALID"\} \d+/);
    expect(metrics).toMatch(/uw_webhook_refusals_total\{source="clockify",reason="CLIENT_RATE_LIMITED"\} \d+/);
    console.info(`[bad-input] 1,000 forged: ${JSON.stringify(Object.fromEntries(statuses))}, rows ${before} → ${await totalRows()}`);
  });
});
