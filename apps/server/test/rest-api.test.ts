import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callRest, createDocumentValidator, type TOpenApi, type TRestAnswer } from './rest-support';
import { startTestServer, trpcClient, waitFor, type TTestServer } from './utils';

type TBody = Record<string, any>;

const triggerOn = (sourceId: string) => ({
  nodes: [{ id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'custom', sourceId } }],
  edges: [],
});

/** Issue 14 point 3: `/api/v1` over the tRPC procedures, described by `/api/v1/openapi.json`. */
describe('REST API /api/v1 with service keys (SQLite)', () => {
  let server: TTestServer;
  let doc: TOpenApi;
  let validator: ReturnType<typeof createDocumentValidator>;
  let keys: Record<'read' | 'write', string>;
  let admin: ReturnType<typeof trpcClient>;
  let sourceId: string;
  let publicId: string;

  /** Calls a route by its template (`/flows/{id}`) and checks the answer against the served document. */
  async function rest(
    method: string,
    template: string,
    opts: { key?: string; ids?: Record<string, string>; query?: string; body?: unknown } = {},
  ) {
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(opts.ids?.[name] ?? ''));
    const answer = await callRest(server.url, {
      method,
      path: `${path}${opts.query ? `?${opts.query}` : ''}`,
      key: opts.key,
      body: opts.body,
    });
    validator.check(template, method, answer);

    return answer as TRestAnswer & { body: TBody };
  }
  const sendWebhook = (body: unknown) =>
    fetch(`${server.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer({ dialect: 'sqlite', worker: { leaseMs: 3_000 } });
    const login = (await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json()) as { token: string };
    admin = trpcClient(server.url, login.token);
    keys = {
      read: (await admin.keys.create.mutate({ name: 'rest read', scope: 'read' })).key,
      write: (await admin.keys.create.mutate({ name: 'rest write', scope: 'write' })).key,
    };
    const created = await admin.sources.create.mutate({ name: 'rest source', verification: { kind: 'none' } });
    sourceId = created.source.id;
    publicId = created.source.publicId;
    const served = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(served.status).toBe(200);
    doc = (await served.json()) as TOpenApi;
    validator = createDocumentValidator(doc);
  });
  afterAll(() => server?.close());

  it('serves an OpenAPI 3.1 document of every route, generated from the procedures’ zod schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: `${server.url}/api/v1` }]);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /webhooks listWebhooks',
        'GET /webhooks/{id} getWebhook',
        'POST /webhooks/{id}/replay replayWebhook',
        'GET /flows listFlows',
        'POST /flows createFlow',
        'GET /flows/{id} getFlow',
        'PATCH /flows/{id} updateFlow',
        'POST /flows/{id}/enable enableFlow',
        'POST /flows/{id}/disable disableFlow',
        'GET /executions listExecutions',
        'GET /executions/{id} getExecution',
        'POST /executions/{id}/retry retryExecution',
      ].sort(),
    );
    // Every answer is described by its procedure's output schema: objects whose fields are all named.
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        const success = (op.responses['200'] ?? op.responses['201']) as TBody;
        expect([op.operationId, success.content['application/json'].schema.type]).toEqual([op.operationId, 'object']);
      }
    }
    const list = doc.paths['/webhooks']!.get as unknown as { parameters: TBody[] };
    // From ZListWebhooksSchema: the limit's bounds and default, the outcome's values.
    expect(list.parameters.find((p) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { maximum: 200, default: 50 },
    });
    expect(list.parameters.find((p) => p.name === 'outcome')?.schema.enum).toEqual(['queued', 'no_match', 'duplicate', 'rejected']);
    const create = doc.paths['/flows']!.post as unknown as { requestBody: TBody; responses: TBody };
    expect(create.requestBody.required).toBe(true);
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['name', 'definition']);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '415']));
  });

  it('a write key walks every route; each answer matches the document', async () => {
    const key = keys.write;
    const created = await rest('post', '/flows', { key, body: { name: 'rest flow', definition: triggerOn(sourceId) } });
    expect(created.status).toBe(201);
    const flowId = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/api/v1/flows/${flowId}`);
    expect((await rest('get', '/flows', { key })).body.items.map((f: TBody) => f.id)).toContain(flowId);
    const got = await rest('get', '/flows/{id}', { key, ids: { id: flowId } });
    // A new flow is saved disabled unless `enabled` says otherwise.
    expect(got.body).toMatchObject({ id: flowId, name: 'rest flow', enabled: false, definition: { nodes: [{ id: 't' }] } });
    const renamed = await rest('patch', '/flows/{id}', { key, ids: { id: flowId }, body: { name: 'renamed' } });
    expect(renamed.body).toMatchObject({ id: flowId, name: 'renamed' });
    expect((await rest('post', '/flows/{id}/disable', { key, ids: { id: flowId } })).body.enabled).toBe(false);
    expect((await rest('post', '/flows/{id}/enable', { key, ids: { id: flowId } })).body.enabled).toBe(true);

    expect((await sendWebhook({ hello: 'rest' })).status).toBe(200);
    const hooks = await rest('get', '/webhooks', { key, query: `source=custom&sourceId=${sourceId}&limit=10` });
    expect(hooks.body.items).toHaveLength(1);
    const webhookId = hooks.body.items[0].id as string;
    const hook = await rest('get', '/webhooks/{id}', { key, ids: { id: webhookId } });
    expect(hook.body).toMatchObject({ id: webhookId, payload: { hello: 'rest' }, outcome: 'queued' });

    const executionId = hook.body.executions[0].id as string;
    await waitFor(async () => (await rest('get', '/executions/{id}', { key, ids: { id: executionId } })).body.status === 'succeeded');
    const executions = await rest('get', '/executions', { key, query: `flowId=${flowId}&status=succeeded` });
    expect(executions.body.items.map((e: TBody) => e.id)).toEqual([executionId]);
    const retried = await rest('post', '/executions/{id}/retry', { key, ids: { id: executionId }, body: { from: 'start' } });
    expect(retried.body).toMatchObject({ retryOf: executionId, reusedSteps: false });
    const replayed = await rest('post', '/webhooks/{id}/replay', { key, ids: { id: webhookId } });
    expect(replayed.body).toMatchObject({ queued: 1 });
    expect(new Set(validator.seen.filter((s) => s.status < 300).map((s) => s.operationId)).size).toBe(12);
  });

  it('pages with limit and cursor, flows included', async () => {
    const key = keys.write;
    for (const name of ['page a', 'page b', 'page c']) {
      await rest('post', '/flows', { key, body: { name, enabled: false, definition: triggerOn(sourceId) } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TRestAnswer & { body: TBody } = await rest('get', '/flows', {
        key,
        query: `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((f: TBody) => f.name as string));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual(['page c', 'page b', 'page a']);
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < 2; i++) expect((await sendWebhook({ n: i })).status).toBe(200);
    const first = await rest('get', '/webhooks', { key, query: 'limit=1' });
    const second = await rest('get', '/webhooks', { key, query: `limit=1&cursor=${first.body.nextCursor}` });
    expect(second.body.items[0].id < first.body.items[0].id).toBe(true);
  });

  it('no key is 401 and a too-narrow scope 403 on every route, as documented; a read key reads', async () => {
    const revoked = await admin.keys.create.mutate({ name: 'rest revoked', scope: 'write' });
    await admin.keys.revoke.mutate({ id: revoked.id });
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ids = { id: 'no-such-id' };
        const body = method === 'get' ? undefined : {};
        const anonymous = await rest(method, template, { ids, body });
        expect([op.operationId, anonymous.status, anonymous.body.error.code]).toEqual([op.operationId, 401, 'UNAUTHORIZED']);
        const gone = await rest(method, template, { ids, body, key: revoked.key });
        expect([op.operationId, gone.status, gone.body.error.message]).toEqual([op.operationId, 401, 'unknown or revoked service key']);
        const read = await rest(method, template, { ids, body, key: keys.read });
        const expected = method === 'get' ? (template.includes('{id}') ? 404 : 200) : 403;
        expect([op.operationId, read.status]).toEqual([op.operationId, expected]);
        if (expected === 403)
          expect(read.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('needs "write"') });
      }
    }
  });

  it('refuses bad input with 400, 404, 413 and 415 in the one error shape', async () => {
    const key = keys.write;
    const refused = async (
      answer: Promise<TRestAnswer & { body: TBody }>,
      expected: { status: number; code: string; message?: RegExp },
    ) => {
      const { status, code, message } = expected;
      const { status: got, body } = await answer;
      expect({ got, code: body.error.code }).toEqual({ got: status, code });
      if (message) expect(body.error.message).toMatch(message);
    };
    await refused(rest('get', '/webhooks', { key, query: 'limit=500' }), { status: 400, code: 'VALIDATION_FAILED', message: /^limit: / });
    await refused(rest('get', '/executions', { key, query: 'limit=many' }), {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: /^limit: /,
    });
    await refused(rest('get', '/executions', { key, query: 'limt=5' }), {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: /unknown query parameter "limt"/,
    });
    await refused(rest('get', '/flows', { key, query: 'limit=1&limit=2' }), {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: /"limit" once/,
    });
    await refused(rest('get', '/flows', { key, query: 'cursor=garbage' }), { status: 400, code: 'VALIDATION_FAILED', message: /cursor/ });
    await refused(rest('get', '/flows/{id}', { key, ids: { id: 'no-such-flow' } }), { status: 404, code: 'NOT_FOUND' });
    await refused(rest('get', '/executions/{id}', { key, ids: { id: 'no-such-execution' } }), { status: 404, code: 'NOT_FOUND' });
    await refused(rest('post', '/flows', { key, body: { name: '', definition: triggerOn(sourceId) } }), {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: /^name: /,
    });
    await refused(rest('post', '/flows', { key, body: [1, 2] }), { status: 400, code: 'VALIDATION_FAILED', message: /JSON object/ });
    const flow = await rest('post', '/flows', { key, body: { name: 'to patch', definition: triggerOn(sourceId) } });
    // The body of PATCH is the update itself: a field is named as sent, not as the procedure's `data.name`.
    await refused(rest('patch', '/flows/{id}', { key, ids: { id: flow.body.id }, body: { name: '' } }), {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: /^name: /,
    });
    // A refused delivery is kept as a rejected row; replaying it is a conflict with its state.
    const plain = await fetch(`${server.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: 'x',
    });
    expect(plain.status).toBe(415);
    const rejected = await rest('get', '/webhooks', { key, query: `outcome=rejected&sourceId=${sourceId}` });
    expect(rejected.body.items).toHaveLength(1);
    await refused(rest('post', '/webhooks/{id}/replay', { key, ids: { id: rejected.body.items[0].id } }), {
      status: 409,
      code: 'CONFLICT',
      message: /rejected/,
    });
    const raw = (body: string, headers: Record<string, string>) =>
      callRest(server.url, { method: 'post', path: '/flows', key, body, headers });
    const check = async (answer: Promise<TRestAnswer>, status: number, code: string) => {
      const got = await answer;
      validator.check('/flows', 'post', got);
      expect([got.status, (got.body as TBody).error.code]).toEqual([status, code]);
    };
    await check(raw('name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await check(raw('{"name":', { 'content-type': 'application/json' }), 400, 'INVALID_JSON');
    await check(raw(JSON.stringify({ name: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' }), 413, 'PAYLOAD_TOO_LARGE');
    const unknown = await callRest(server.url, { method: 'get', path: '/nothing-here', key });
    expect([unknown.status, (unknown.body as TBody).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('the document check itself refuses an answer that does not match or a status that is not documented', () => {
    expect(() => validator.check('/flows/{id}', 'get', { status: 200, body: { id: 1 }, headers: new Headers() })).toThrow();
    expect(() => validator.check('/flows', 'get', { status: 418, body: {}, headers: new Headers() })).toThrow(/documents 418/);
  });
});
