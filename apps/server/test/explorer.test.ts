import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRouter, createCallerFactory, createContext, type AppRouter } from '@uw/api';
import { loadCatalogue, type TCatalogue } from '@uw/clockify';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { createCatalogueHolder } from '../src/catalogue';
import { CLOCKIFY_FIXTURES, installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const catalogue: TCatalogue = await loadCatalogue(CLOCKIFY_FIXTURES.openapi);

/** A tRPC client over real HTTP that keeps the raw text of every response (successes and errors alike). */
function recordingClient(url: string, token: string, seen: string[]) {
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(input, init);
    seen.push(await res.clone().text());

    return res;
  };

  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }), fetch: recordingFetch as typeof fetch })],
  });
}
type TClient = ReturnType<typeof recordingClient>;
type TCaught = { code?: string; appCode: string | null; details: { problems?: string[]; reason?: string } | null; message: string };

/** The tRPC error a call ends with; fails the test when the call succeeds. */
async function caught(call: Promise<unknown>): Promise<TCaught> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCClientError)) throw err;
    const data = err.data as { code?: string; appCode?: string | null; details?: TCaught['details'] } | undefined;

    return { code: data?.code, appCode: data?.appCode ?? null, details: data?.details ?? null, message: err.message };
  }
  throw new Error('expected the call to fail');
}

describe.each(dialects)('API explorer on %s', (dialect) => {
  // One workspace per dialect: circuit breakers are per workspace and per process.
  const ws = dialect === 'sqlite' ? 'e0e0e0e0e0e0e0e0e0e0e0e1' : 'e0e0e0e0e0e0e0e0e0e0e0e2';
  const seen: string[] = [];
  let sim: TSimulator;
  let server: TTestServer;
  let installToken: string;
  let owner: TClient;
  let otherAdmin: TClient;
  let member: TClient;
  let ownerId: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 3, clients: 3, projects: 2, tags: 2, timeEntries: 3 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    const installed = await installLikeClockify(sim, server.url, ws);
    expect(installed.status).toBe(200);
    installToken = installed.authToken;
    ownerId = sim.workspace(ws).ownerId;
    const secondUser = sim.workspace(ws).data.users.find((u) => u.id !== ownerId)!;
    owner = recordingClient(server.url, await sim.userToken(ws, { role: 'OWNER' }), seen);
    otherAdmin = recordingClient(server.url, await sim.userToken(ws, { role: 'ADMIN', userId: secondUser.id }), seen);
    member = recordingClient(server.url, await sim.userToken(ws, { role: 'USER', userId: secondUser.id }), seen);
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('lists all 158 operations grouped by tag, with counts and filters', async () => {
    const all = await owner.explorer.endpoints.query({});
    expect(all.available).toBe(true);
    expect(all.total).toBe(158);
    expect(all.tags.map((t) => t.name)).toEqual(catalogue.tags.map((t) => t.name));
    for (const tag of all.tags) {
      expect(tag.count).toBe(tag.operations.length);
      for (const op of tag.operations) expect(catalogue.get(op.operationId)?.tag).toBe(tag.name);
    }
    expect(all.tags.reduce((n, t) => n + t.count, 0)).toBe(158);
    const deletes = await owner.explorer.endpoints.query({ method: 'delete' });
    expect(deletes.total).toBe(catalogue.operations.filter((o) => o.method === 'DELETE').length);
    expect(deletes.tags.flatMap((t) => t.operations).every((o) => o.method === 'DELETE' && o.destructive)).toBe(true);
    const search = await owner.explorer.endpoints.query({ search: 'PROJECTS/{projectId}/TASKS' });
    expect(search.total).toBeGreaterThan(0);
    expect(search.tags.flatMap((t) => t.operations).every((o) => o.path.toLowerCase().includes('projects/{projectid}/tasks'))).toBe(true);
    expect((await owner.explorer.endpoints.query({ tag: 'Tag' })).total).toBe(5);
  });

  it('describes an operation: parameters, body schema with an example, responses, bindings, destructive', async () => {
    const create = await owner.explorer.operation.query({ operationId: 'createNewProject' });
    expect(create).toMatchObject({ method: 'POST', destructive: false, requestBody: { required: true } });
    expect(create.exampleBody).toMatchObject({ name: expect.any(String) });
    expect(create.bindings).toEqual([{ name: 'workspaceId', in: 'path', source: 'workspace', value: ws, overridable: false }]);
    expect(create.responses.length).toBeGreaterThan(0);
    const perUser = await owner.explorer.operation.query({ operationId: 'getTimeEntries' });
    expect(perUser.bindings.find((b) => b.name === 'userId')).toMatchObject({ value: ownerId, overridable: true });
    expect(perUser.parameters.find((p) => p.name === 'userId')?.boundTo).toBe('user');
    const del = await owner.explorer.operation.query({ operationId: 'deleteClient' });
    expect(del.destructive).toBe(true);
    expect(del.destructiveReason).toContain('cannot be undone');
    expect((await caught(owner.explorer.operation.query({ operationId: 'noSuchOperation' }))).code).toBe('BAD_REQUEST');
  });

  it('runs every GET whose path needs only workspaceId against Clockify with status 200', async () => {
    const gets = catalogue.operations.filter(
      (o) => o.method === 'GET' && o.parameters.every((p) => p.in !== 'path' || p.name === 'workspaceId'),
    );
    expect(gets.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const op of gets) {
      const detail = await owner.explorer.operation.query({ operationId: op.operationId });
      const query = Object.fromEntries(detail.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, p.example]));
      const result = await owner.explorer.execute.mutate({ operationId: op.operationId, query });
      if (result.status !== 200) failures.push(`${op.operationId}: ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
      expect(result.url).toContain(sim.url);
      expect(result.curl).toContain('$CLOCKIFY_ADDON_TOKEN');
    }
    expect(failures).toEqual([]);
  });

  it('refuses invalid calls before sending, listing every problem', async () => {
    const before = sim.requests.length;
    const bad = await caught(owner.explorer.execute.mutate({ operationId: 'getProjects', query: { page: 'abc', nope: 1 } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.details?.problems).toHaveLength(2);
    expect(bad.message).toMatch(/page/);
    expect(bad.message).toMatch(/nope/);
    const missing = await caught(owner.explorer.execute.mutate({ operationId: 'updateClient', path: {}, confirm: true }));
    expect(missing.details?.problems?.join('\n')).toMatch(/"id" is required/);
    expect(missing.details?.problems?.join('\n')).toMatch(/body is required/);
    const foreign = await caught(
      owner.explorer.execute.mutate({ operationId: 'getTags', path: { workspaceId: 'ffffffffffffffffffffffff' } }),
    );
    expect(foreign.code).toBe('BAD_REQUEST');
    expect(foreign.message).toMatch(/bound to your own workspace/);
    expect((await caught(owner.explorer.execute.mutate({ operationId: 'noSuchOperation' }))).code).toBe('BAD_REQUEST');
    expect(sim.requests.length).toBe(before);
  });

  it('needs confirm: true for DELETE, then runs it', async () => {
    const client = sim.workspace(ws).data.clients[0]!;
    const before = sim.requests.length;
    const refused = await caught(owner.explorer.execute.mutate({ operationId: 'deleteClient', path: { id: client.id } }));
    expect(refused.appCode).toBe('PRECONDITION_REQUIRED');
    expect(refused.message).toMatch(/deletes data.*confirm: true/);
    expect(sim.requests.length).toBe(before);
    const done = await owner.explorer.execute.mutate({ operationId: 'deleteClient', path: { id: client.id }, confirm: true });
    expect(done.status).toBeLessThan(300);
    expect(sim.workspace(ws).data.clients.some((c) => c.id === client.id)).toBe(false);
  });

  it('returns a Clockify 4xx as a result, and a 5xx that outlives the retries as a clear error', async () => {
    const missing = await owner.explorer.execute.mutate({ operationId: 'getProject', path: { projectId: 'ffffffffffffffffffffffff' } });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    sim.faults.add({ match: { operationId: 'getTags' }, status: 503, times: 3 });
    const failed = await caught(owner.explorer.execute.mutate({ operationId: 'getTags' }));
    expect(failed.code).toBe('BAD_GATEWAY');
    expect(failed.message).toMatch(/^getTags: Clockify did not answer after 3 attempts/);
    expect((await owner.explorer.execute.mutate({ operationId: 'getTags' })).status).toBe(200);
  });

  it('keeps history per user, newest first, with a curl that holds a placeholder', async () => {
    const run = await otherAdmin.explorer.execute.mutate({ operationId: 'getClients' });
    const theirs = await otherAdmin.explorer.history.query({ limit: 50 });
    expect(theirs.items.map((i) => i.id)).toEqual([run.historyId]);
    const mine = await owner.explorer.history.query({ limit: 2 });
    expect(mine.items.map((i) => i.operationId)).toEqual(['getTags', 'getTags']);
    expect(mine.items[1]!.status).toBe(503);
    expect(mine.items[0]!.curl).toMatch(/^curl -X GET '.*\/tags'.*X-Addon-Token: \$CLOCKIFY_ADDON_TOKEN/s);
    const next = await owner.explorer.history.query({ limit: 100, cursor: mine.nextCursor! });
    expect(next.items.length).toBeGreaterThan(20);
    expect([...mine.items, ...next.items].some((i) => i.id === run.historyId)).toBe(false);
    expect(next.items.find((i) => i.operationId === 'deleteClient')).toMatchObject({ method: 'DELETE' });
  });

  it('generates an example event payload from the schema of the entity the event carries', async () => {
    const stopped = await owner.explorer.eventExample.query({ eventType: 'TIMER_STOPPED' });
    expect(stopped).toMatchObject({ eventType: 'TIMER_STOPPED', operationId: 'getTimeEntry' });
    expect(stopped.payload).toMatchObject({ id: expect.any(String), timeInterval: { start: expect.any(String) } });
    const tag = await owner.explorer.eventExample.query({ eventType: 'NEW_TAG' });
    expect(tag).toMatchObject({ operationId: 'getTag', payload: { name: expect.any(String) } });
    // An entity with no read operation in the catalogue: no example rather than an invented shape.
    expect(await owner.explorer.eventExample.query({ eventType: 'TIME_OFF_REQUESTED' })).toMatchObject({
      operationId: null,
      payload: null,
    });
    expect((await caught(owner.explorer.eventExample.query({ eventType: 'NO_SUCH_EVENT' }))).code).toBe('BAD_REQUEST');
    expect((await caught(member.explorer.eventExample.query({ eventType: 'NEW_TAG' }))).code).toBe('FORBIDDEN');
  });

  it('is for admins only', async () => {
    expect((await caught(member.explorer.endpoints.query({}))).code).toBe('FORBIDDEN');
    expect((await caught(member.explorer.execute.mutate({ operationId: 'getTags' }))).code).toBe('FORBIDDEN');
    expect((await caught(member.explorer.history.query({}))).code).toBe('FORBIDDEN');
  });

  it('explains a missing catalogue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-explorer-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify({ hello: 'world' }));
    const holder = await createCatalogueHolder([join(dir, 'openapi.json')], server.deps.api.logger as never);
    const ctx = await createContext(server.deps.runtime, `Bearer ${await sim.userToken(ws, { role: 'OWNER' })}`);
    const caller = createCallerFactory(appRouter)({ ...ctx, deps: { ...ctx.deps, catalogue: holder } });
    const listed = await caller.explorer.endpoints({});
    expect(listed).toMatchObject({ available: false, total: 0, tags: [] });
    expect(listed.reason).toMatch(/not OpenAPI 3/);
    expect(listed.reason).toMatch(/npm run openapi:sync/);
    await expect(caller.explorer.execute({ operationId: 'getTags' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('never shows the installation token: not in responses, history or logs', async () => {
    const webhooks = await owner.explorer.execute.mutate({ operationId: 'getWebhooks' });
    const listed = (webhooks.body as { webhooks: { authToken: string }[] }).webhooks;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((w) => w.authToken === '[REDACTED]')).toBe(true);
    const webhookTokens = sim.workspace(ws).data.webhooks.map((w) => w.authToken);
    expect(installToken.length).toBeGreaterThan(20);
    expect(seen.filter((text) => webhookTokens.some((t) => text.includes(t)))).toEqual([]);
    expect(seen.length).toBeGreaterThan(30);
    expect(seen.filter((text) => text.includes(installToken))).toEqual([]);
    const rows = await server.deps.db.knex()('universal_webhook_explorer_history').where('workspace_id', ws);
    expect(rows.length).toBeGreaterThan(20);
    expect(JSON.stringify(rows)).not.toContain(installToken);
    expect(server.logs.filter((line) => line.includes(installToken))).toEqual([]);
  });
});
