import type { Server } from 'node:http';

import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { secretQueries } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { runManual, secretFlow, startReceiver, type TReceived } from './secret-support';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'ee5e5e5e5e5e5e5e5e5e5a17';

const refusal = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const e = error as TRPCClientError<never>;

  return {
    message: e.message,
    appCode: (e.data as unknown as { appCode?: string } | undefined)?.appCode,
    details: (e.data as unknown as { details?: unknown }).details,
  };
};

/** Issue 17 point 1: who may manage secrets, the in-use refusal, a secret missing at send time, rotation, unknown names on save. */
describe.each(dialects)('managing workspace secrets on %s (issue 17)', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let receiver: { server: Server; base: string; received: TReceived[] };
  let admin: ReturnType<typeof trpcClient>;

  beforeAll(async () => {
    receiver = await startReceiver();
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 2 }] } });
    server = await startTestServer({
      dialect,
      clockifyPem: sim.publicKeyPem,
      worker: {},
      env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' },
    });
    await installLikeClockify(sim, server.url, ws);
    admin = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
    receiver?.server.close();
  });

  it('is for admins only: members and read or write keys are refused; values are never answered', async () => {
    const member = trpcClient(server.url, await sim.userToken(ws, { role: 'USER' }));
    const writeKey = trpcClient(server.url, (await admin.keys.create.mutate({ name: 'writer', scope: 'write' })).key);
    for (const client of [member, writeKey]) {
      expect((await refusal(client.secrets.list.query())).appCode).toBe('FORBIDDEN');
      expect((await refusal(client.secrets.create.mutate({ name: 'x', value: 'nope-1234' }))).appCode).toBe('FORBIDDEN');
    }
    const adminKey = trpcClient(server.url, (await admin.keys.create.mutate({ name: 'admin', scope: 'admin' })).key);
    const created = await adminKey.secrets.create.mutate({ name: 'by-key', value: 'value-by-key-77' });
    expect(created).toMatchObject({ name: 'by-key', description: null, usedBy: [] });
    expect(created.createdBy).toMatch(/^key:/);
    const updated = await admin.secrets.update.mutate({ id: created.id, data: { description: 'documented' } });
    expect(updated).toMatchObject({ description: 'documented' });
    expect(JSON.stringify([created, updated, await admin.secrets.list.query()])).not.toContain('value-by-key-77');
    expect((await refusal(admin.secrets.create.mutate({ name: 'by-key', value: 'again-1234' }))).message).toMatch(/already exists/);
    expect((await refusal(admin.secrets.create.mutate({ name: 'bad name', value: 'v-1234' }))).message).toMatch(/secret name is a letter/);
    expect((await refusal(admin.secrets.create.mutate({ name: 'short', value: 'abc' }))).message).toMatch(/at least 4 characters/);
    expect(await admin.secrets.delete.mutate({ id: created.id })).toEqual({ id: created.id, deleted: true });
    expect((await refusal(admin.secrets.delete.mutate({ id: created.id }))).appCode).toBe('NOT_FOUND');
  });

  it('refuses to save a flow that names an unknown secret, or uses $secret outside an action', async () => {
    const unknown = await refusal(
      admin.flows.create.mutate({ name: 'unknown', definition: secretFlow({ base: receiver.base, name: 'nope' }) as never }),
    );
    expect(unknown.appCode).toBe('VALIDATION_FAILED');
    expect(unknown.message).toMatch(/secret "nope" does not exist/);
  });

  it('sends the current value: a rotation applies to the next send', async () => {
    const secret = await admin.secrets.create.mutate({ name: 'rotating', value: 'first-value-1111' });
    const flow = await admin.flows.create.mutate({
      name: 'rotation',
      definition: secretFlow({ base: receiver.base, name: 'rotating' }) as never,
    });
    expect((await runManual(admin, flow.id)).status).toBe('succeeded');
    expect(receiver.received.at(-1)?.headers.authorization).toBe('Bearer first-value-1111');
    await admin.secrets.update.mutate({ id: secret.id, data: { value: 'second-value-2222' } });
    expect((await runManual(admin, flow.id)).status).toBe('succeeded');
    expect(receiver.received.at(-1)?.headers.authorization).toBe('Bearer second-value-2222');
  });

  it('refuses to delete a secret in use, naming the flows; allows it once no flow uses it', async () => {
    const secret = await admin.secrets.create.mutate({ name: 'in-use', value: 'in-use-value-3333' });
    const flow = await admin.flows.create.mutate({
      name: 'Uses it',
      definition: secretFlow({ base: receiver.base, name: 'in-use' }) as never,
    });
    const refused = await refusal(admin.secrets.delete.mutate({ id: secret.id }));
    expect(refused.appCode).toBe('CONFLICT');
    expect(refused.message).toMatch(/used by 1 flow\(s\): "Uses it"/);
    expect(refused.details).toEqual({ flows: [{ id: flow.id, name: 'Uses it' }] });
    expect((await admin.secrets.list.query()).find((s) => s.id === secret.id)?.usedBy).toEqual([{ id: flow.id, name: 'Uses it' }]);
    await admin.flows.delete.mutate({ id: flow.id });
    expect(await admin.secrets.delete.mutate({ id: secret.id })).toMatchObject({ deleted: true });
  });

  it('resolves a secret in a Clockify action body, recording and answering •••• in its place', async () => {
    await admin.secrets.create.mutate({ name: 'tag-suffix', value: 'clockify-canary-5555' });
    const definition = {
      nodes: [
        { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'manual' } },
        {
          id: 'tag',
          kind: 'clockify',
          position: { x: 0, y: 100 },
          data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "tag-" & $secret("tag-suffix") }' },
        },
      ],
      edges: [{ id: 'e', source: 't', target: 'tag' }],
    };
    const flow = await admin.flows.create.mutate({ name: 'tags', definition: definition as never });
    const execution = await runManual(admin, flow.id);
    expect(execution.status).toBe('succeeded');
    const sent = sim.requests.filter((r) => r.operationId === 'createNewTag').at(-1);
    expect(sent?.body).toMatchObject({ name: 'tag-clockify-canary-5555' });
    const step = execution.steps.find((st) => st.nodeId === 'tag')!;
    expect(step.request).toMatchObject({ body: { name: 'tag-••••' } });
    expect(step.response).toMatchObject({ body: { name: 'tag-••••' } });
    expect(JSON.stringify(execution)).not.toContain('clockify-canary-5555');
  });

  it('fails the step, not retried, naming a secret missing at send time', async () => {
    const secret = await admin.secrets.create.mutate({ name: 'vanishing', value: 'vanishing-value-4444' });
    const flow = await admin.flows.create.mutate({
      name: 'missing',
      definition: secretFlow({ base: receiver.base, name: 'vanishing' }) as never,
    });
    // Gone behind the API's back (a flow saved meanwhile, a race): the send finds nothing.
    await secretQueries.deleteSecret(server.deps.db, ws, secret.id);
    const before = receiver.received.length;
    const execution = await runManual(admin, flow.id);
    expect(execution.status).toBe('failed');
    expect(execution.error).toMatchObject({ code: 'SECRET_MISSING', message: expect.stringMatching(/secret "vanishing" does not exist/) });
    expect(execution.steps.filter((s) => s.status === 'retrying')).toEqual([]);
    expect(execution.attempts).toBe(1);
    expect(receiver.received.length).toBe(before);
  });
});
