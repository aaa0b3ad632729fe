/**
 * W13 / Q6: the database goes away under load, without touching the shared cluster: the server reaches
 * PostgreSQL through a TCP proxy that this test drops (connections reset, new ones refused: a restart) and
 * then pauses (connections open, nothing flows: a hung database). `/ready` turns 503 and back by itself,
 * no request is answered 2xx without its row, no outage answer is a 4xx (that would tell the sender to give
 * up), the process survives, and the queue drains afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeEntryBody, waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { BLOCKED_FLOW, createScenario, type TScenario } from './support/scenario';
import type { TServerProcess } from './support/server-process';
import { startTcpProxy, type TTcpProxy } from './support/tcp-proxy';
import { ackedOf, startWebhookLoad, statusCounts, type TSent } from './support/webhook-load';

const ws = 'fddddddddddddddddddddd01';
const available = await postgresAvailable('database outage');
const OUTAGE_MS = 3_000;
const LEASE_MS = 30_000;
/** How long the server may take to notice dead database connections and replace them. */
const PARTITION_RECOVERY_MS = 30_000;

/** `['500', '500', 'timeout/…']` → `{ '500': 2, 'timeout/…': 1 }`. */
const statusList = (list: string[]) => list.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** Polls /ready until it answers `status` (recording every answer); resolves with the time it took. */
async function readyBecomes(
  server: TServerProcess,
  { status, timeoutMs }: { status: number; timeoutMs: number },
  seen: number[],
): Promise<number> {
  const started = Date.now();
  await waitFor(
    `/ready ${status}`,
    async () => {
      const res = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(4_000) }).catch(() => null);
      seen.push(res?.status ?? 0);

      return res?.status === status;
    },
    { timeoutMs, everyMs: 100 },
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
    const flow = await api.flows.create.mutate({ name: 'never passes', enabled: true, definition: BLOCKED_FLOW as never });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
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
      await waitFor('load running', () => load.acked() >= 100, { timeoutMs: 10_000, everyMs: 20 });

      for (const kind of ['drop', 'pause'] as const) {
        const from = Date.now();
        proxy[kind]();
        timings[`${kind}: /ready 503 after`] = await readyBecomes(server, { status: 503, timeoutMs: OUTAGE_MS + 3_000 }, ready);
        await new Promise((r) => setTimeout(r, Math.max(0, from + OUTAGE_MS - Date.now())));
        proxy.resume();
        outages.push({ from, to: Date.now() });
        timings[`${kind}: /ready 200 after resume`] = await readyBecomes(server, { status: 200, timeoutMs: 20_000 }, ready);
        const before = load.acked();
        await waitFor(`webhooks acknowledged again after the ${kind}`, () => load.acked() >= before + 100, {
          timeoutMs: 20_000,
          everyMs: 20,
        });
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
    const unfinished = () =>
      s.sql.rows<{ id: string; status: string; attempts: number; run_after: string; lease_until: string | null; error: unknown }>(
        "select id, status, attempts, run_after, lease_until, error from universal_webhook_flow_execution where flow_id = $1 and status not in ('succeeded', 'filtered', 'failed')",
        [flow.id],
      );
    await waitFor('every execution finished', async () => (await unfinished()).length === 0, {
      timeoutMs: LEASE_MS + 10_000,
      everyMs: 250,
    }).catch(async (err: Error) => {
      const rows = await unfinished();
      const now = Date.now();
      const warnings = server
        .logs()
        .filter((l) => Number(l.level) >= 40)
        .slice(-10);
      throw new Error(
        `${err.message}; ${rows.length} unfinished, e.g. ${JSON.stringify(rows.slice(0, 3).map((r) => ({ ...r, run_after: Number(r.run_after) - now, lease_until: r.lease_until === null ? null : Number(r.lease_until) - now })))}; ` +
          `last warnings: ${JSON.stringify(warnings)}`,
      );
    });
    const fiveHundreds = failed.filter((h) => h.status >= 500);
    outageAnswers = fiveHundreds;
    timings['queue drained after the load'] = Date.now() - history.reduce((m, h) => Math.max(m, h.at + h.ms), 0);
    console.info(
      `[db-outage] requests ${history.length}, acked ${acked.length}, failures ${JSON.stringify(statusCounts(failed))} ` +
        `codes ${JSON.stringify([...new Set(fiveHundreds.map((h) => h.code))])}, timings ${JSON.stringify(timings)}`,
    );
  });

  // A dead TCP path (no FIN/RST) to the database: the pooled connections hang, new ones would work. The server
  // must notice (query timeouts that discard the connection) and come back by itself.
  // Without a query timeout a hung transaction would stall the group commit for good while /ready says 200.
  it('recovers by itself when its database connections go silent (partition)', async () => {
    const partitionProxy = await startTcpProxy({ host: new URL(s.dbUrl).hostname, port: Number(new URL(s.dbUrl).port || 5432) });
    try {
      const server = await s.spawn('partition', { UW_ROLE: 'all' }, { dbUrl: partitionProxy.url(s.dbUrl) });
      await server.waitReady();
      await s.install(server.url, ws); // webhooks pointing at this server's URL
      const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
      const load = startWebhookLoad({
        url: server.url,
        signature,
        workspaceId: ws,
        concurrency: 4,
        maxRequests: 50_000,
        maxMs: 40_000,
        prefix: 'part',
        requestTimeoutMs: 5_000,
      });
      try {
        await waitFor('load running', () => load.acked() >= 50, { timeoutMs: 10_000, everyMs: 20 });
        partitionProxy.partition();
        const t = Date.now();
        // /ready may or may not notice (it depends on which pooled connection its ping gets); ingest must recover.
        await new Promise((r) => setTimeout(r, 2_000));
        load.stop();
        // /ready pings through a fresh connection; ingest must work again too (its transactions included).
        let probe = 0;
        const probes: string[] = [];
        await waitFor(
          'a webhook acknowledged again after the partition',
          async () => {
            const res = await fetch(`${server.url}/webhooks/clockify`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'clockify-signature': signature,
                'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
              },
              body: JSON.stringify(timeEntryBody(ws, `part-probe-${probe++}`)),
              signal: AbortSignal.timeout(5_000),
            }).catch((err: Error) => ({ status: 0, error: err.message }) as const);
            probes.push('error' in res ? `timeout/${res.error}` : String(res.status));

            return res.status === 200;
          },
          { timeoutMs: PARTITION_RECOVERY_MS, everyMs: 500 },
        ).catch((err: Error) => {
          throw new Error(`${err.message}; probe answers: ${JSON.stringify(statusList(probes))}`);
        });
        console.info(`[db-outage] partition: ingest back after ${Date.now() - t} ms (probes ${JSON.stringify(statusList(probes))})`);
      } finally {
        load.stop();
        await load.done;
      }
      const acked = ackedOf(await load.done);
      const rows = await s.sql.rows<{ id: string }>(
        "select id from universal_webhook_log where workspace_id = $1 and payload->>'id' like 'part-%'",
        [ws],
      );
      const stored = new Set(rows.map((r) => r.id));
      expect(acked.filter((a) => !stored.has(a.logId!))).toEqual([]);
    } finally {
      await partitionProxy.close();
    }
  });

  // RELIABILITY W13: a sender should be told to come back later (503 + Retry-After), not "internal error".
  it('answers an outage with 503 and Retry-After (W13)', () => {
    expect(outageAnswers.length).toBeGreaterThan(0);
    expect(statusCounts(outageAnswers)).toEqual({ 503: outageAnswers.length });
    expect(outageAnswers.every((h) => h.retryAfter !== undefined && Number(h.retryAfter) > 0)).toBe(true);
  });
});
