/**
 * W13 / Q6: the database goes away under load, without touching the shared cluster: the server reaches
 * PostgreSQL through a TCP proxy that this test drops (connections reset, new ones refused: a restart) and
 * then pauses (connections open, nothing flows: a hung database). `/ready` turns 503 and back by itself,
 * no request is answered 2xx without its row, no outage answer is a 4xx (that would tell the sender to give
 * up), the process survives, and the queue drains afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { BLOCKED_FLOW, createScenario, type TScenario } from './support/scenario';
import type { TServerProcess } from './support/server-process';
import { startTcpProxy, type TTcpProxy } from './support/tcp-proxy';
import { ackedOf, startWebhookLoad, statusCounts, type TSent } from './support/webhook-load';

const ws = 'fddddddddddddddddddddd01';
const available = await postgresAvailable('database outage');
const OUTAGE_MS = 3_000;
const LEASE_MS = 30_000;

/** Polls /ready until it answers `status` (recording every answer); resolves with the time it took. */
async function readyBecomes(server: TServerProcess, status: number, timeoutMs: number, seen: number[]): Promise<number> {
  const started = Date.now();
  await waitFor(
    `/ready ${status}`,
    async () => {
      const res = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(4_000) }).catch(() => null);
      seen.push(res?.status ?? 0);

      return res?.status === status;
    },
    timeoutMs,
    100,
  );

  return Date.now() - started;
}

describe.skipIf(!available)('database outage under load (TCP proxy in front of PostgreSQL)', () => {
  let s: TScenario;
  let proxy: TTcpProxy;
  let outageAnswers: TSent[] = [];

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
    const target = new URL(s.dbUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  });
  afterAll(async () => {
    await s?.close();
    await proxy?.close();
  });

  it('drop and pause: 503 and back, no acknowledged webhook lost, no 4xx, the queue drains', async () => {
    const server = await s.spawn('outage', { UW_ROLE: 'all' }, { dbUrl: proxy.url(s.dbUrl) });
    await server.waitReady();
    const api = await s.install(server.url, ws);
    const flow = await api.flows.create.mutate({ name: 'never passes', definition: BLOCKED_FLOW as never });
    const signature = webhookToken(s.sim, ws, 'NEW_TIME_ENTRY', server.url);
    const load = startWebhookLoad({
      url: server.url,
      signature,
      workspaceId: ws,
      concurrency: 8,
      maxRequests: 50_000,
      maxMs: 40_000,
      prefix: 'db',
      requestTimeoutMs: 8_000,
    });
    const ready: number[] = [];
    const timings: Record<string, number> = {};
    const outages: { from: number; to: number }[] = [];
    try {
      await waitFor('load running', () => load.acked() >= 100, 10_000, 20);

      for (const kind of ['drop', 'pause'] as const) {
        const from = Date.now();
        proxy[kind]();
        timings[`${kind}: /ready 503 after`] = await readyBecomes(server, 503, OUTAGE_MS + 3_000, ready);
        await new Promise((r) => setTimeout(r, Math.max(0, from + OUTAGE_MS - Date.now())));
        proxy.resume();
        outages.push({ from, to: Date.now() });
        timings[`${kind}: /ready 200 after resume`] = await readyBecomes(server, 200, 20_000, ready);
        const before = load.acked();
        await waitFor(`webhooks acknowledged again after the ${kind}`, () => load.acked() >= before + 100, 20_000, 20);
        timings[`${kind}: acks again after resume`] = Date.now() - outages.at(-1)!.to;
      }
    } finally {
      load.stop();
    }
    const history = await load.done;
    expect(await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('alive'), 10))]), 'the server process survived').toBe(
      'alive',
    );
    expect(ready).toContain(503);

    const acked = ackedOf(history);
    const rows = await s.sql.rows<{ id: string; body_id: string }>(
      "select id, payload->>'id' as body_id from universal_webhook_log where workspace_id = $1 and source = 'clockify'",
      [ws],
    );
    const byBody = new Map(rows.map((r) => [r.body_id, r.id]));
    const missing = acked.filter((a) => byBody.get(a.bodyId) !== a.logId);
    expect(missing, `acknowledged but not stored (of ${acked.length})`).toEqual([]);
    const failed = history.filter((h) => h.status < 200 || h.status >= 300);
    const clientErrors = failed.filter((h) => h.status >= 400 && h.status < 500);
    expect(clientErrors, 'an outage must never be answered 4xx').toEqual([]);
    expect(failed.length, 'the outages were felt by the load').toBeGreaterThan(0);

    // Q6: nothing stays queued or running past a lease once the database is back.
    await waitFor(
      'every execution finished',
      async () => {
        const [row] = await s.sql.rows<{ n: string }>(
          "select count(*) as n from universal_webhook_flow_execution where flow_id = $1 and status not in ('succeeded', 'failed')",
          [flow.id],
        );

        return Number(row!.n) === 0;
      },
      LEASE_MS + 10_000,
      250,
    );
    const fiveHundreds = failed.filter((h) => h.status >= 500);
    outageAnswers = fiveHundreds;
    timings['queue drained after the load'] = Date.now() - history.reduce((m, h) => Math.max(m, h.at + h.ms), 0);
    console.info(
      `[db-outage] requests ${history.length}, acked ${acked.length}, failures ${JSON.stringify(statusCounts(failed))} ` +
        `codes ${JSON.stringify([...new Set(fiveHundreds.map((h) => h.code))])}, timings ${JSON.stringify(timings)}`,
    );
  });

  // RELIABILITY W13: a sender should be told to come back later (503 + Retry-After), not "internal error".
  // Known gap (see the benchmark/fault report): the ingest path answers 500 INTERNAL without Retry-After.
  // `it.fails` keeps the suite green while the gap exists and turns red once it is fixed: then make it `it`.
  it.fails('answers an outage with 503 and Retry-After (W13)', () => {
    expect(outageAnswers.length).toBeGreaterThan(0);
    expect(statusCounts(outageAnswers)).toEqual({ 503: outageAnswers.length });
    expect(outageAnswers.every((h) => h.retryAfter !== undefined && Number(h.retryAfter) > 0)).toBe(true);
  });
});
