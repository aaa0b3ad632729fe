import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '@uw/client';
import { createScratchDatabase, testDialects, type TScratch } from '@uw/db/testing';
import { installationQueries, TABLE } from '@uw/db';

import { REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const onPg = dialects.includes('postgresql');

/**
 * Issue 18.3: processes on one PostgreSQL tell each other by LISTEN/NOTIFY. Two servers share a scratch database
 * and nothing else (each has its own event bus, nudge, flow index and listening connection): `web` takes the
 * webhooks, `worker` runs the queue with polling effectively off (one poll a minute).
 */
describe.skipIf(!onPg)('cross-process signals on postgresql', () => {
  let scratch: TScratch;
  let web: TTestServer;
  let worker: TTestServer;
  let api: ReturnType<typeof trpcClient>;
  let token: string;
  let sourceId: string;
  let publicId: string;
  const post = (n: number) =>
    fetch(`${web.url}/webhooks/custom/${publicId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n, nonce: `${Date.now()}-${Math.random()}` }),
    });

  beforeAll(async () => {
    scratch = await createScratchDatabase('postgresql', TEST_PG_ADMIN_URL);
    web = await startTestServer({ dialect: 'postgresql', scratch });
    worker = await startTestServer({ dialect: 'postgresql', scratch, migrate: false, worker: { pollMs: 60_000, concurrency: 16 } });
    await worker.deps.runtime.flowIndex.refresh();
    token = (await (await fetch(`${web.url}/auth/dev-login`, { method: 'POST' })).json()).token;
    api = trpcClient(web.url, token);
    const { source } = await api.sources.create.mutate({ name: 'signals', verification: { kind: 'none' } });
    sourceId = source.id;
    publicId = source.publicId;
  });
  afterAll(async () => {
    await worker?.close();
    await web?.close();
    await scratch?.drop();
  });

  it('a webhook acknowledged by one process appears on a live stream served by the other within 1 s', async () => {
    const seen: { id: string; at: number }[] = [];
    const client = createClient({ url: worker.url, token });
    const sub = client.webhooks.live.subscribe(undefined, { onData: (w) => seen.push({ id: w.id, at: Date.now() }) });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const sentAt = Date.now();
      const { id } = await (await post(1)).json();
      const hit = await waitFor(async () => seen.find((s) => s.id === id), 1_000, 10);
      expect(hit.at - sentAt).toBeLessThan(1_000);
    } finally {
      sub.unsubscribe();
    }
  });

  it("a flow saved on one process is in the other's flow index at once (its own poll runs every 10 s)", async () => {
    const before = worker.deps.runtime.flowIndex.match('dev-workspace', `custom:${sourceId}`).length;
    const flow = await api.flows.create.mutate({
      name: 'wake the worker',
      enabled: true,
      definition: {
        nodes: [
          { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'custom', sourceId } },
          { id: 'c', kind: 'condition', position: { x: 0, y: 100 }, data: { expression: 'payload.n > 0' } },
        ],
        edges: [{ id: 'e', source: 't', target: 'c' }],
      },
    });
    // Enabled even if the product's default for new flows is "disabled".
    if (!flow.enabled) await api.flows.update.mutate({ id: flow.id, data: { enabled: true } });
    await waitFor(async () => worker.deps.runtime.flowIndex.match('dev-workspace', `custom:${sourceId}`).length > before, 1_000, 10);
  });

  it("an installation changed through one process is read again by the other's worker at once (its cache keeps 30 s)", async () => {
    const cached = await worker.deps.runtime.installations.get('dev-workspace');
    expect(cached?.status).toBe('ACTIVE');
    await installationQueries.updateInstallationStatus(web.deps.db, 'dev-workspace', { id: cached!.id, status: 'INACTIVE' });
    // Without a signal the worker keeps its cached row.
    expect((await worker.deps.runtime.installations.get('dev-workspace'))?.status).toBe('ACTIVE');
    try {
      web.deps.runtime.deps.bus.publish({ type: 'installation.changed', workspaceId: 'dev-workspace' });
      await waitFor(async () => (await worker.deps.runtime.installations.get('dev-workspace'))?.status === 'INACTIVE', 1_000, 10);
    } finally {
      await installationQueries.updateInstallationStatus(web.deps.db, 'dev-workspace', { id: cached!.id, status: 'ACTIVE' });
      web.deps.runtime.deps.bus.publish({ type: 'installation.changed', workspaceId: 'dev-workspace' });
      await waitFor(async () => (await worker.deps.runtime.installations.get('dev-workspace'))?.status === 'ACTIVE', 1_000, 10);
    }
  });

  it('a worker that polls once a minute starts executions queued by the other process within milliseconds (NOTIFY)', async () => {
    const delays: number[] = [];
    for (let n = 1; n <= 10; n++) {
      const answer = await (await post(n)).json();
      expect(answer.outcome).toBe('queued');
      const logId = answer.id;
      const row = await waitFor(
        async () => {
          const r = await worker.deps.db.knex()(TABLE.execution).where({ log_id: logId }).first('created_at', 'started_at');

          return r?.started_at ? r : null;
        },
        2_000,
        5,
      );
      // Each measurement starts from an idle worker: the run (a sandboxed condition) finishes first.
      await waitFor(
        async () => (await worker.deps.db.knex()(TABLE.execution).where({ log_id: logId }).first('finished_at'))?.finished_at,
        15_000,
        20,
      );
      delays.push(Number(row.started_at) - Number(row.created_at));
    }
    delays.sort((a, b) => a - b);
    // Polling alone would take up to 60 s; the median wake-up must be within the 50 ms.
    expect(delays[9]!).toBeLessThan(2_000);
    expect(delays[4]!).toBeLessThanOrEqual(50);
  });
});
