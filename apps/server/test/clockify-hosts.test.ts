/**
 * Issue #12 rows 6 and 8: the Clockify client only calls Clockify (or an allow-listed stand-in), and a
 * path parameter can never move a call to another path. A loopback canary counts what reaches it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Installation, newId } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import {
  installLikeClockify,
  REQUIRE_PG,
  signWithSim,
  startTestServer,
  TEST_PG_ADMIN_URL,
  trpcClient,
  waitFor,
  type TTestServer,
} from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

const DELETE_FROM_PAYLOAD = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    {
      id: 'delete',
      kind: 'clockify',
      position: { x: 0, y: 100 },
      data: { operationId: 'deleteTag', path: { id: 'payload.id' }, query: {} },
    },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'delete' }],
};

const messageOf = (call: Promise<unknown>) =>
  call.then(
    () => 'no error',
    (err: unknown) => (err instanceof TRPCClientError ? err.message : String(err)),
  );

describe.each(dialects)('Clockify hosts only on %s', (dialect) => {
  const ws = 'c6c6c6c6c6c6c6c6c6c6c6c1';
  const stray = 'c6c6c6c6c6c6c6c6c6c6c6c2';
  let sim: TSimulator;
  let server: TTestServer;
  let canary: Server;
  let canaryUrl: string;
  let canaryHits = 0;
  const lifecycle = (workspaceId: string) =>
    signWithSim(sim, { workspaceId, addonId: sim.addonId, jti: randomUUID() }, { expiresIn: '5m' });
  const install = async (workspaceId: string, body: Record<string, unknown>, claims: Record<string, unknown> = {}) => {
    const ids = { workspaceId, addonId: sim.addonId };
    const authToken = await signWithSim(sim, { ...ids, user: sim.workspace(workspaceId).ownerId, ...claims });

    return fetch(`${server.url}/lifecycle/installed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-addon-lifecycle-token': await lifecycle(workspaceId) },
      body: JSON.stringify({ ...ids, authToken, webhooks: [], ...body }),
    });
  };

  beforeAll(async () => {
    const seed = (id: string) => ({ id, users: 1, clients: 1, projects: 1, tags: 2, timeEntries: 1 });
    sim = await startSimulator({ seed: { workspaces: [seed(ws), seed(stray)] } });
    canary = createServer((req, res) => {
      canaryHits += 1;
      res.end('[{"id":"canary"}]');
    });
    await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
    canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    // Only the simulator's own host:port: the canary on another loopback port is not allow-listed.
    const env = { UW_CLOCKIFY_API_ALLOWLIST: new URL(sim.url).host };
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, env, worker: {} });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    await new Promise((r) => canary?.close(r));
  });

  it('refuses INSTALLED whose apiUrl is a loopback canary and whose token has no backendUrl: nothing reaches it', async () => {
    for (const apiUrl of [`${canaryUrl}/api`, `${canaryUrl.replace('127.0.0.1', 'localhost')}/api`]) {
      const res = await install(stray, { apiUrl });
      expect(res.status, apiUrl).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/UW_CLOCKIFY_API_ALLOWLIST/);
    }
    const viaClaim = await install(stray, { apiUrl: sim.apiUrl }, { backendUrl: `${canaryUrl}/api` });
    expect(viaClaim.status).toBe(400);
    expect(await server.deps.db.fork().count(Installation, { workspaceId: stray })).toBe(0);
    expect(canaryHits).toBe(0);
  });

  it('installs from an allow-listed apiUrl when the token has no backendUrl claim', async () => {
    expect((await install(stray, { apiUrl: sim.apiUrl })).status).toBe(200);
    expect((await server.deps.db.fork().findOneOrFail(Installation, { workspaceId: stray })).apiUrl).toBe(sim.apiUrl);
  });

  it('calls a stored non-allow-listed loopback host only through the SSRF guard: refused, nothing sent', async () => {
    const other = 'c6c6c6c6c6c6c6c6c6c6c6c3';
    const api = server.deps.api;
    await server.deps.db.fork().insert(Installation, {
      id: newId(),
      workspaceId: other,
      addonId: sim.addonId,
      status: 'ACTIVE',
      tokenCipher: api.cipher.encrypt('installation-token', other),
      apiUrl: `${canaryUrl}/api`,
      reportsUrl: `${canaryUrl}/reports`,
      ownerUserId: 'owner',
      settings: {},
      installedAt: Date.now(),
      updatedAt: Date.now(),
      uninstalledAt: null,
    });
    const admin = await signWithSim(
      sim,
      {
        workspaceId: other,
        addonId: sim.addonId,
        user: 'owner',
        workspaceRole: 'OWNER',
        language: 'EN',
        theme: 'DEFAULT',
      },
      { expiresIn: '5m' },
    );
    const message = await messageOf(trpcClient(server.url, admin).explorer.execute.mutate({ operationId: 'getTags' }));
    expect(message).toMatch(/SSRF guard/);
    expect(canaryHits).toBe(0);
  });

  it('refuses deleteTag {id: ".."} (and "." and "") in the explorer with a validation error, sending nothing', async () => {
    const owner = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    sim.clearRequests();
    for (const id of ['..', '.']) {
      const message = await messageOf(owner.explorer.execute.mutate({ operationId: 'deleteTag', path: { id }, confirm: true }));
      expect(message, id).toMatch(new RegExp(`invalid path parameter id: it must not be "${id.replace(/\./g, '\\.')}"`));
    }
    expect(await messageOf(owner.explorer.execute.mutate({ operationId: 'deleteTag', path: { id: '' }, confirm: true }))).toMatch(/id/);
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(sim.workspace(ws).data.tags).toHaveLength(2);
  });

  it('fails a flow action whose path parameter from the payload is "..", sending nothing', async () => {
    const owner = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    await owner.flows.create.mutate({ name: 'delete from payload', enabled: true, definition: DELETE_FROM_PAYLOAD as never });
    sim.clearRequests();
    const delivered = await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: { id: '..', workspaceId: ws } },
    );
    const logId = (delivered.response as { id: string }).id;
    const executionId = (await waitFor(async () => (await owner.webhooks.get.query({ id: logId })).executions[0]))!.id;
    const execution = await waitFor(async () => {
      const e = await owner.executions.get.query({ id: executionId });

      return e.status === 'failed' || e.status === 'succeeded' || e.status === 'filtered' ? e : null;
    }, 20_000);
    expect(execution.status).toBe('failed');
    expect(JSON.stringify(execution.error)).toMatch(/must not be \\"\.\.\\"/);
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});
