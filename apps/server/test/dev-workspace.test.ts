/**
 * Issue 16, point 9: the development login's workspace is coherent (the dashboard and the actions say the same thing
 * about its Clockify connection), and a configured workspace (`UW_DEV_LOGIN_WORKSPACE`, as `npm run demo` sets) is
 * where the login lands once the add-on is installed there.
 */
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

type TLogin = { token: string; workspaceId: string; userId: string; role: string };

async function devLogin(server: TTestServer): Promise<{ status: number; body: TLogin & { error?: { code: string; message: string } } }> {
  const res = await fetch(`${server.url}/auth/dev-login`, { method: 'POST' });

  return { status: res.status, body: (await res.json()) as TLogin & { error?: { code: string; message: string } } };
}

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) return err.message;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe.each(dialects)('development workspace on %s', (dialect) => {
  let sim: TSimulator;
  let local: TTestServer;
  let configured: TTestServer;
  const ws = dialect === 'sqlite' ? 'd0d0d0d0d0d0d0d0d0d0d161' : 'd0d0d0d0d0d0d0d0d0d0d162';

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, projects: 1 }] } });
    local = await startTestServer({ dialect });
    configured = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, env: { UW_DEV_LOGIN_WORKSPACE: ws } });
  });
  afterAll(async () => {
    await local?.close();
    await configured?.close();
    await sim?.close();
  });

  it('the local workspace: the dashboard says it has no Clockify connection, and the actions refuse for that same reason', async () => {
    const login = await devLogin(local);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ workspaceId: 'dev-workspace', userId: 'dev-user', role: 'admin' });
    const api = trpcClient(local.url, login.body.token);

    const dashboard = await api.dashboard.get.query();
    expect(dashboard.installation).toMatchObject({ status: 'ACTIVE', active: true, connected: false });
    const execute = await failure(api.explorer.execute.mutate({ operationId: 'getTags', path: {}, query: {} }));
    expect(execute).toMatch(/no Clockify connection/);
    const bootstrap = await api.bootstrap.trigger.mutate({});
    expect(bootstrap).toMatchObject({ started: false, reason: expect.stringMatching(/no Clockify connection/) });
  });

  it('a configured workspace: refused with a clear reason until installed, then the login lands there as its owner', async () => {
    const early = await devLogin(configured);
    expect(early.status).toBe(403);
    expect(early.body.error).toMatchObject({ code: 'WORKSPACE_INACTIVE', message: expect.stringContaining('UW_DEV_LOGIN_WORKSPACE') });

    const installed = await installLikeClockify(sim, configured.url, ws);
    expect(installed.status).toBe(200);
    const login = await devLogin(configured);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ workspaceId: ws, role: 'admin' });
    expect(sim.workspace(ws).data.users.map((u) => u.id)).toContain(login.body.userId);

    const api = trpcClient(configured.url, login.body.token);
    expect((await api.dashboard.get.query()).installation).toMatchObject({ status: 'ACTIVE', connected: true });
    const before = sim.requests.filter((r) => r.operationId === 'getProjects').length;
    const answer = await api.explorer.execute.mutate({ operationId: 'getProjects', path: {}, query: {} });
    expect(answer.status).toBe(200);
    expect(sim.requests.filter((r) => r.operationId === 'getProjects').length).toBe(before + 1);
  });
});
