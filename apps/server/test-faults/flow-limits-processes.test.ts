/**
 * Issue 17, per-flow limits across processes: two worker processes on one PostgreSQL, each able to run two
 * executions at once, race for a queue of one flow with maxConcurrent = 3 (released at the same instant). The
 * limit, not the workers' capacity (4), is what binds, and reaching it needs both workers. Sampled every 20 ms, the
 * flow never has more than three executions running, both workers run some, and every execution succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeEntryBody, waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { billableTagFlow, createScenario, type TScenario } from './support/scenario';

const ws = 'fccccccccccccccccccccc17';
const available = await postgresAvailable('flow limits across processes');
const N = 12;

describe.skipIf(!available)('per-flow limits across two worker processes', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('never runs more than maxConcurrent of the flow at once, across both workers', async () => {
    // The web process migrates the fresh database first; the workers start on a migrated one.
    const web = await s.spawn('web', { UW_ROLE: 'web' });
    await web.waitReady();
    const worker = { UW_ROLE: 'worker', UW_WORKER_CONCURRENCY: '2' };
    const [a, b] = await Promise.all([s.spawn('worker-a', worker), s.spawn('worker-b', worker)]);
    await Promise.all([a.waitReady(), b.waitReady()]);
    const api = await s.install(web.url, ws);
    const flow = await api.flows.create.mutate({
      name: 'three at a time',
      enabled: true,
      maxConcurrent: 3,
      definition: billableTagFlow('limit') as never,
    });
    s.sim.faults.add({ match: { operationId: 'createNewTag' }, latencyMs: 300 });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: web.url });

    a.pause();
    b.pause();
    try {
      await Promise.all(
        Array.from({ length: N }, async (_, i) => {
          const res = await fetch(`${web.url}/webhooks/clockify`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'clockify-signature': signature,
              'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
            },
            body: JSON.stringify(timeEntryBody(ws, `limit-${i}`)),
          });
          expect((await res.json()).outcome).toBe('queued');
        }),
      );
    } finally {
      a.resume();
      b.resume();
    }

    let most = 0;
    const owners = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await s.sql.rows<{ lease_owner: string }>(
          "select lease_owner from universal_webhook_flow_execution where flow_id = $1 and status = 'running'",
          [flow.id],
        );
        most = Math.max(most, rows.length);
        for (const r of rows) owners.add(r.lease_owner);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const done = await waitFor(
      'all executions finished',
      async () => {
        const rows = await s.sql.rows<{ status: string }>('select status from universal_webhook_flow_execution where flow_id = $1', [
          flow.id,
        ]);

        return rows.length === N && rows.every((r) => r.status !== 'queued' && r.status !== 'running') ? rows : null;
      },
      { timeoutMs: 60_000, everyMs: 100 },
    );
    sampling = false;
    await sampler;

    expect(done.filter((e) => e.status !== 'succeeded')).toEqual([]);
    expect(most, 'the most executions of the flow running at once').toBe(3);
    expect(owners.size, `workers seen running the flow: ${[...owners].join(', ')}`).toBe(2);
    expect(s.sim.requests.filter((r) => r.operationId === 'createNewTag')).toHaveLength(N);
  });
});
