import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Installation } from '@uw/db';
import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

type TErrorData = { code: string; httpStatus: number; appCode: string | null };

/** What a failed call answered: tRPC code, HTTP status, our code and the message. */
async function failureOf(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCClientError);
  const { data, message } = err as Error & { data: TErrorData };

  return { code: data.code, httpStatus: data.httpStatus, appCode: data.appCode, message };
}

describe.each(dialects)('one error model on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  const ws = 'eeeeeeeeeeeeeeeeeeeeeee1';

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem });
    expect((await installLikeClockify(sim, server.url, ws)).status).toBe(200);
    api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
  });
  beforeEach(() => sim.faults.clear());
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('a Clockify 403 during installation.repairWebhooks answers FORBIDDEN naming Clockify, not an internal error', async () => {
    sim.faults.add({ match: { pathIncludes: '/webhooks' }, status: 403 });
    const failure = await failureOf(api.installation.repairWebhooks.mutate());
    expect(failure).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403, appCode: 'CLOCKIFY_FORBIDDEN' });
    expect(failure.message).toMatch(/^Clockify refused it: .*permission in Clockify \(Clockify answered 403 to GET /);
  });

  it('a Clockify 401 asks for a reinstall, and a Clockify outage is a bad gateway', async () => {
    sim.faults.add({ match: { pathIncludes: '/webhooks' }, status: 401, times: 1 });
    const unauthorized = await failureOf(api.installation.repairWebhooks.mutate());
    expect(unauthorized).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'CLOCKIFY_UNAUTHORIZED' });
    expect(unauthorized.message).toMatch(/reinstall the add-on in Clockify/);

    sim.faults.add({ match: { pathIncludes: '/webhooks' }, status: 500 });
    const outage = await failureOf(api.installation.repairWebhooks.mutate());
    expect(outage).toMatchObject({ code: 'BAD_GATEWAY', httpStatus: 502, appCode: 'CLOCKIFY_BAD_GATEWAY' });
    expect(outage.message).toMatch(/^Clockify did not answer after \d+ attempts?: /);
  });

  it('with Clockify healthy again the same call succeeds', async () => {
    const repaired = await api.installation.repairWebhooks.mutate();
    expect(repaired).toBeTruthy();
  });

  it('a crashed bootstrap run is logged with its stack, not just a message', async () => {
    // A token that no key can decrypt: opening the Clockify client throws inside the run.
    await server.deps.db.fork().nativeUpdate(Installation, { workspaceId: ws }, { tokenCipher: 'v1:not-a-cipher-text' });
    const triggered = await api.bootstrap.trigger.mutate({ restart: true });
    expect(triggered.started).toBe(true);
    const line = await waitFor(async () =>
      server.logs
        .map((l) => JSON.parse(l) as { msg?: string; workspaceId?: string; err?: { message?: string; stack?: string } })
        .find((l) => /^bootstrap (failed|run crashed)$/.test(l.msg ?? '') && l.workspaceId === ws),
    );
    expect(line.err?.message).toBeTruthy();
    expect(line.err?.stack).toMatch(/\n\s+at /);
  });
});
