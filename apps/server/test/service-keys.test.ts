import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '@uw/client';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ee5e5e5e5e5e5e5e5e5e5e07';
type TApi = ReturnType<typeof trpcClient>;

/** The tRPC code of a refused call, or 'OK'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;

    return 'OK';
  } catch (err) {
    if (err instanceof TRPCClientError) return String((err.data as { code?: string } | undefined)?.code);
    throw err;
  }
}

const TRIGGER_ONLY = {
  nodes: [{ id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_PROJECT'] } }],
  edges: [],
} as never;

/**
 * Issue 12, row 7: a service key was a full admin (minted keys, revoked the owner's key and its own parent,
 * managed sources, ran destructive calls). Keys now carry a scope and an optional expiry.
 */
describe.each(dialects)('service keys with scopes and expiry on %s (issue 12 row 7)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let owner: TApi;
  const keyed = (key: string) => trpcClient(server.url, key);
  const mint = (api: TApi, scope: 'read' | 'write' | 'admin', extra: { expiresAt?: number } = {}) =>
    api.keys.create.mutate({ name: `${scope} key`, scope, ...extra });

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 1, tags: 3 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, ws);
    owner = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('read lists but cannot change; write changes flows but not keys, sources or destructive calls; admin can', async () => {
    const tagId = () => sim.workspace(ws).data.tags.at(-1)!.id;
    const matrix: Record<string, Record<string, string>> = {};
    for (const scope of ['read', 'write', 'admin'] as const) {
      const api = keyed((await mint(owner, scope)).key);
      matrix[scope] = {
        'flows.list': await outcome(api.flows.list.query()),
        'executions.list': await outcome(api.executions.list.query({})),
        'flows.create': await outcome(api.flows.create.mutate({ name: `by ${scope}`, enabled: true, definition: TRIGGER_ONLY })),
        'explorer getTags': await outcome(api.explorer.execute.mutate({ operationId: 'getTags' })),
        'explorer createNewTag': await outcome(
          api.explorer.execute.mutate({ operationId: 'createNewTag', body: { name: `tag by ${scope}` } }),
        ),
        'explorer deleteTag': await outcome(
          api.explorer.execute.mutate({ operationId: 'deleteTag', path: { id: tagId() }, confirm: true }),
        ),
        'sources.list': await outcome(api.sources.list.query()),
        'sources.create': await outcome(api.sources.create.mutate({ name: `by ${scope}`, verification: { kind: 'none' } })),
        'keys.create': await outcome(mint(api, 'read')),
      };
    }
    const F = 'FORBIDDEN';
    expect(matrix).toEqual({
      read: { ...row('OK', F), 'explorer getTags': 'OK' },
      write: { ...row('OK', F), 'flows.create': 'OK', 'explorer getTags': 'OK', 'explorer createNewTag': 'OK' },
      admin: row('OK', 'OK'),
    });
  });

  it('a key cannot mint a key with a wider scope or a longer life, and its children inherit its expiry', async () => {
    const inAnHour = Date.now() + 3_600_000;
    const parent = await mint(owner, 'admin', { expiresAt: inAnHour });
    const writer = keyed((await mint(owner, 'write')).key);
    expect(await outcome(mint(writer, 'admin'))).toBe('FORBIDDEN');
    const api = keyed(parent.key);
    expect(await outcome(mint(api, 'admin', { expiresAt: inAnHour + 60_000 }))).toBe('FORBIDDEN');
    const child = await mint(api, 'write');
    expect(child).toMatchObject({ scope: 'write', expiresAt: inAnHour, parentKeyId: parent.id });
    expect(await outcome(mint(owner, 'read', { expiresAt: Date.now() - 1 }))).toBe('BAD_REQUEST');
    expect((await keyed(child.key).meta.whoami.query()).scope).toBe('write');
  });

  it('revoking a key revokes every key it minted; a key may revoke only itself and its descendants', async () => {
    const ownersKey = await mint(owner, 'admin');
    const parent = await mint(owner, 'admin');
    const child = await mint(keyed(parent.key), 'admin');
    const grandchild = await mint(keyed(child.key), 'read');
    const sibling = await mint(keyed(child.key), 'read');
    const childApi = keyed(child.key);
    expect(await outcome(childApi.keys.revoke.mutate({ id: parent.id }))).toBe('FORBIDDEN');
    expect(await outcome(childApi.keys.revoke.mutate({ id: ownersKey.id }))).toBe('FORBIDDEN');
    expect(await outcome(keyed(grandchild.key).keys.revoke.mutate({ id: sibling.id }))).toBe('FORBIDDEN');
    expect((await childApi.keys.list.query()).map((k) => k.id).sort()).toEqual([child.id, grandchild.id, sibling.id].sort());
    expect(await childApi.keys.revoke.mutate({ id: sibling.id })).toMatchObject({ revoked: true });
    const revoked = await owner.keys.revoke.mutate({ id: parent.id });
    expect(revoked.alsoRevoked.sort()).toEqual([child.id, grandchild.id].sort());
    for (const k of [parent, child, grandchild, sibling]) {
      await expect(keyed(k.key).meta.whoami.query()).rejects.toThrow(/revoked/);
    }
    expect(await outcome(keyed(ownersKey.key).meta.whoami.query())).toBe('OK');
  });

  it('a key minted while its parent is being revoked is refused or revoked with it', async () => {
    const parent = await mint(owner, 'admin');
    const api = keyed(parent.key);
    const mints = Array.from({ length: 8 }, () => outcome(mint(api, 'read')));
    const [revoked, ...minted] = await Promise.all([outcome(owner.keys.revoke.mutate({ id: parent.id })), ...mints]);
    expect(revoked).toBe('OK');
    expect(minted.every((m) => m === 'OK' || m === 'UNAUTHORIZED')).toBe(true);
    const children = await server.deps.db.knex()('universal_webhook_service_key').where({ workspace_id: ws, parent_key_id: parent.id });
    expect(children.length).toBe(minted.filter((m) => m === 'OK').length);
    expect(children.filter((c: { revoked_at: unknown }) => c.revoked_at === null)).toEqual([]);
  });

  it('refuses an expired key as UNAUTHORIZED', async () => {
    const soon = await mint(owner, 'read', { expiresAt: Date.now() + 1_000 });
    expect(await outcome(keyed(soon.key).flows.list.query())).toBe('OK');
    await new Promise((r) => setTimeout(r, 1_200));
    const refused = await createClient({ url: server.url, token: soon.key })
      .flows.list.query()
      .catch((e: unknown) => e);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((refused as Error).message).toMatch(/expired at/);
    expect((await owner.keys.list.query()).find((k) => k.id === soon.id)?.state).toBe('expired');
  });

  it('records when a key was last used, at most once a minute', async () => {
    const key = await mint(owner, 'read');
    const lastUsed = async () => (await owner.keys.list.query()).find((k) => k.id === key.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    await keyed(key.key).flows.list.query();
    const first = await lastUsed();
    expect(first).toBeGreaterThanOrEqual(before);
    await keyed(key.key).flows.list.query();
    expect(await lastUsed()).toBe(first);
  });
});

/** One scope's expected row: reads get `read`, everything else `rest`. */
function row(read: string, rest: string): Record<string, string> {
  return {
    'flows.list': read,
    'executions.list': read,
    'flows.create': rest,
    'explorer getTags': rest,
    'explorer createNewTag': rest,
    'explorer deleteTag': rest,
    'sources.list': rest,
    'sources.create': rest,
    'keys.create': rest,
  };
}
