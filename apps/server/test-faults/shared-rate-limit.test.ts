/**
 * Issue 18: the block-leased outbound limit holds across processes. Two worker processes drain one workspace's
 * backlog of Clockify calls; the simulator counts what arrived per aligned second, which never passes the
 * workspace's max_rps (the limiter's shared count exactly; arrivals within what in-flight delay can shift), while both
 * processes take part.
 */
import { hostname } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { API_EVENT_TYPES } from '@uw/clockify';
import { TABLE } from '@uw/db';

import { timeEntryBody, updateSettings, waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { billableTagFlow, createScenario, type TScenario } from './support/scenario';

const ws = 'fddddddddddddddddddddd01';
const available = await postgresAvailable('shared rate limit');
const N = 60;
const MAX_RPS = 10;

describe.skipIf(!available)('the shared outbound limit across two worker processes', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it(`never sends more than max_rps (${MAX_RPS}) in any second, counted at the simulator`, async () => {
    // The limit is the default from the start: the install's own calls (below) share the workspace's windows.
    // Each worker has fewer slots than the backlog, so one alone cannot hold it all and both take part.
    const limit = { UW_BOOTSTRAP_MAX_RPS: String(MAX_RPS), UW_WORKER_CONCURRENCY: '16' };
    // The web process migrates the database first; the workers start on it.
    const web = await s.spawn('web', { UW_ROLE: 'web', ...limit });
    await web.waitReady(60_000);
    const [a, b] = await Promise.all([
      s.spawn('worker-a', { UW_ROLE: 'worker', ...limit }),
      s.spawn('worker-b', { UW_ROLE: 'worker', ...limit }),
    ]);
    await Promise.all([a.waitReady(60_000), b.waitReady(60_000)]);
    const api = await s.install(web.url, ws);
    // The install registers the API webhooks in the background; they are all in before the backlog is queued,
    // so what the simulator counts from the release on is the flows' calls.
    await waitFor(
      'the install registered its webhooks',
      () =>
        s.sim.requests.filter((r) => r.workspaceId === ws && r.method === 'POST' && r.path.endsWith('/webhooks')).length >=
        API_EVENT_TYPES.length,
      { timeoutMs: 30_000, everyMs: 50 },
    );
    await updateSettings(s.sim, { serverUrl: web.url, workspaceId: ws }, { max_rps: MAX_RPS });
    const flow = await api.flows.create.mutate({ name: 'rate', enabled: true, definition: billableTagFlow('rl') as never });
    if (!flow.enabled) await api.flows.update.mutate({ id: flow.id, data: { enabled: true } });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: web.url });
    a.pause();
    b.pause();
    try {
      for (let i = 0; i < N; i++) {
        const res = await fetch(`${web.url}/webhooks/clockify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'clockify-signature': signature, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' },
          body: JSON.stringify(timeEntryBody(ws, `rl-${i}`)),
        });
        expect((await res.json()).outcome).toBe('queued');
      }
    } finally {
      a.resume();
      b.resume();
    }
    const releasedAt = Date.now();
    // Who runs what while the backlog drains (a finished execution no longer names its worker).
    const owners = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await s.sql.rows<{ lease_owner: string }>(`select lease_owner from ${TABLE.execution} where status = 'running'`);
        for (const r of rows) owners.add(r.lease_owner);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await waitFor(
      'every execution finished',
      async () => {
        const rows = await s.sql.rows<{ status: string }>(`select status from ${TABLE.execution} where flow_id = $1`, [flow.id]);

        return rows.length === N && rows.every((r) => r.status === 'succeeded') ? rows : null;
      },
      { timeoutMs: 60_000, everyMs: 200 },
    );
    sampling = false;
    await sampler;
    expect([...owners].sort(), 'both workers ran executions').toEqual([`${hostname()}-${a.pid}`, `${hostname()}-${b.pid}`].sort());

    const calls = s.sim.requests.filter((r) => r.workspaceId === ws && r.at >= releasedAt).map((r) => r.at);
    const perSecond = new Map<number, number>();
    for (const at of calls) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    // The limiter's own count per aligned second (the shared table): exact, across both processes.
    const windows = await s.sql.rows<{ count: number }>(`select count from ${TABLE.rateWindow} where bucket = $1 and second * 1000 >= $2`, [
      ws,
      releasedAt - 1_000,
    ]);
    expect(Math.max(...windows.map((w) => Number(w.count)))).toBeLessThanOrEqual(MAX_RPS);
    // At the simulator: a call granted at the very end of a second can arrive in the next one (a freshly resumed
    // process's first connections are slow), so one second may also hold the previous second's late calls, and the
    // arrivals may span one aligned second fewer than the grants did.
    const busiest = Math.max(...perSecond.values());
    const seconds = Math.floor(Math.max(...calls) / 1000) - Math.floor(Math.min(...calls) / 1000) + 1;
    expect(calls.length).toBe(N);
    expect(busiest, `calls per second: ${JSON.stringify([...perSecond.values()])}`).toBeLessThanOrEqual(2 * MAX_RPS);
    expect(calls.length, `${calls.length} calls over ${seconds} aligned seconds`).toBeLessThanOrEqual(MAX_RPS * (seconds + 1));
    console.info(`[shared-rate-limit] ${calls.length} calls, per second at the simulator: ${JSON.stringify([...perSecond.values()])}`);
  });
});
