import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRouter } from '@uw/api';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { runEvent } from './run-event';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ee5e5e5e5e5e5e5e5e5e5e05';

/** What a workspace member (not an admin) may still call: what the add-on is and its state, no data. */
const MEMBER_ALLOWED = new Set([
  'meta.eventTypes',
  'meta.templates',
  'meta.whoami',
  'settings.get',
  'installation.status',
  'bootstrap.status',
  'bootstrap.progress',
]);

type TProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription' } };

/** The first frames of an SSE answer (tRPC sends a subscription's refusal inside the stream, after a 200). */
async function firstFrames(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  let text = '';
  const until = Date.now() + 3_000;
  while (Date.now() < until && !/event: (serialized-error|message)|\ndata: \{/.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel().catch(() => undefined);

  return text;
}

/** Calls a procedure over HTTP as the router's own client would (input `{}`): the HTTP status and the tRPC code, if any. */
async function callOverHttp(url: string, token: string, path: string): Promise<{ status: number; code: string | undefined }> {
  const { type } = (appRouter._def.procedures as unknown as Record<string, TProcedureDef>)[path]!._def;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res =
    type === 'mutation'
      ? await fetch(`${url}/trpc/${path}`, { method: 'POST', headers, body: '{}' })
      : await fetch(`${url}/trpc/${path}?input=${encodeURIComponent('{}')}`, { headers });
  if (type === 'subscription' && res.ok) {
    const frames = await firstFrames(res);

    return { status: frames.includes('"FORBIDDEN"') ? 403 : res.status, code: /"code":"([A-Z_]+)"/.exec(frames)?.[1] };
  }
  const body = (await res.json()) as { error?: { data?: { code?: string } } };

  return { status: res.status, code: body.error?.data?.code };
}

/**
 * Issue 12, row 5: a REGULAR member saw HTTP-action credentials in `flows.get` / `executions.get` and every
 * webhook's `authToken` in a recorded `getWebhooks` response. Every procedure that shows flows,
 * executions, step data or logs now needs an admin; the journal is scrubbed with the explorer's scrubber.
 */
describe.each(dialects)('least exposure on %s (issue 12 row 5)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let owner: ReturnType<typeof trpcClient>;
  let memberToken: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2, projects: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, worker: {} });
    await installLikeClockify(sim, server.url, ws);
    owner = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    memberToken = await sim.userToken(ws, { role: 'TEAM_MEMBER' });
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('answers FORBIDDEN to a REGULAR member on every procedure except the status ones, which still answer', async () => {
    const paths = Object.keys(appRouter._def.procedures);
    expect(paths.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const path of paths) {
      const { status, code } = await callOverHttp(server.url, memberToken, path);
      const allowed = MEMBER_ALLOWED.has(path);
      if (allowed ? status === 403 : status !== 403 || code !== 'FORBIDDEN') wrong.push(`${path}: ${status} ${code ?? ''}`);
    }
    expect(wrong).toEqual([]);
    for (const path of MEMBER_ALLOWED) expect(paths).toContain(path);
  });

  it('tells the member why, and still lets an admin read', async () => {
    const member = trpcClient(server.url, memberToken);
    await expect(member.flows.list.query()).rejects.toThrow(/workspace admin/);
    expect(await owner.flows.list.query()).toEqual(expect.any(Array));
    expect((await member.meta.whoami.query()).role).toBe('user');
  });

  it('records a getWebhooks step with every authToken scrubbed, in the timeline and in the database', async () => {
    const flow = await owner.flows.create.mutate({
      name: 'list webhooks',
      enabled: true,
      definition: {
        nodes: [
          { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TAG'] } },
          { id: 'hooks', kind: 'clockify', position: { x: 0, y: 100 }, data: { operationId: 'getWebhooks' } },
        ],
        edges: [{ id: 'e', source: 't', target: 'hooks' }],
      } as never,
    });
    const execution = await runEvent(owner, sim, { serverUrl: server.url, ws, event: 'NEW_TAG' });
    expect(execution.status).toBe('succeeded');
    const step = execution.steps.find((s) => s.nodeId === 'hooks')!;
    const listed = (step.response as { body: { webhooks: { authToken: string }[] } }).body.webhooks;
    const tokens = sim.workspace(ws).data.webhooks.map((w) => w.authToken);
    expect(listed.length).toBe(tokens.length);
    expect(listed.every((w) => w.authToken === '[REDACTED]')).toBe(true);
    const rows = await server.deps.db.knex()('universal_webhook_execution_step').where({ workspace_id: ws, execution_id: execution.id });
    const stored = JSON.stringify(rows);
    expect(stored).toContain('[REDACTED]');
    expect(tokens.filter((t) => stored.includes(t) || JSON.stringify(execution).includes(t))).toEqual([]);
    await owner.flows.delete.mutate({ id: flow.id });
  });
});
