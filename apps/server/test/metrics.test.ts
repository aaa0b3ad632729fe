import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';
import { startSimulator, type TSimulator } from '@uw/simulator';

import { billableTagFlow } from '../test-faults/support/scenario';
import { installLikeClockify, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, trpcClient, waitFor, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });
const ws = 'abababababababababab0001';
const TOKEN = 'scrape-secret-123';

/** `name{labels} value` lines of a Prometheus text exposition → value by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }

  return out;
}

describe.each(dialects)('GET /metrics on %s', (dialect) => {
  let sim: TSimulator;
  let server: TTestServer;
  const scrape = async (auth?: string) => fetch(`${server.url}/metrics`, { headers: auth ? { authorization: auth } : {} });

  beforeAll(async () => {
    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, clients: 1, projects: 1, tags: 1, timeEntries: 1 }] } });
    server = await startTestServer({ dialect, clockifyPem: sim.publicKeyPem, env: { UW_METRICS_TOKEN: TOKEN }, worker: {} });
    await installLikeClockify(sim, server.url, ws);
    const api = trpcClient(server.url, await sim.userToken(ws, { role: 'OWNER' }));
    const flow = await api.flows.create.mutate({ name: 'metrics', enabled: true, definition: billableTagFlow('metrics') as never });
    expect(flow.id).toBeTruthy();
  });
  afterAll(async () => {
    await server?.close();
    await sim?.close();
  });

  it('needs the bearer token when UW_METRICS_TOKEN is set', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong')).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts webhooks by outcome, executions, outbound calls and step latency, and reports the queue and the process', async () => {
    await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TIME_ENTRY' },
      { body: { id: 'm-1', workspaceId: ws, billable: true } },
    );
    await sim.sendWebhook(
      { addonUrl: server.url, workspaceId: ws, eventType: 'NEW_PROJECT' },
      { body: { id: 'm-2', workspaceId: ws, name: 'no flow for this' } },
    );
    const forged = await fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'clockify-webhook-event-type': 'NEW_TIME_ENTRY', 'clockify-signature': 'forged' },
      body: JSON.stringify({ id: 'm-3', workspaceId: ws }),
    });
    expect(forged.status).toBe(401);
    const metrics = await waitFor(async () => {
      const m = samples(await (await scrape(`Bearer ${TOKEN}`)).text());

      // The queue gauges come from a database round at most 10 s old: wait for one after the execution too.
      return (m.get('uw_executions_total{outcome="succeeded"}') ?? 0) >= 1 && m.get('uw_queue_depth') === 0 ? m : null;
    }, 25_000);
    expect(metrics.get('uw_webhooks_total{source="clockify",outcome="queued"}')).toBe(1);
    expect(metrics.get('uw_webhooks_total{source="clockify",outcome="no_match"}')).toBe(1);
    expect(metrics.get('uw_webhooks_total{source="clockify",outcome="rejected"}')).toBe(1);
    expect(metrics.get('uw_ingest_seconds_count{source="clockify"}')).toBe(3);
    expect(
      metrics.get('uw_outbound_calls_total{target="clockify",status="201"}') ??
        metrics.get('uw_outbound_calls_total{target="clockify",status="200"}'),
    ).toBe(1);
    expect([...metrics.keys()].some((k) => k.startsWith('uw_step_seconds_count{kind="clockify",status="succeeded"'))).toBe(true);
    expect(metrics.get('uw_queue_depth')).toBe(0);
    expect(metrics.get('uw_queue_oldest_age_seconds')).toBe(0);
    expect(metrics.has('uw_bootstrap_operations{kind="total"}')).toBe(true);
    expect(metrics.get('process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('runs at most one round of database counts per 10 s, however often it is scraped', async () => {
    const queries: string[] = [];
    const onQuery = (q: { sql: string }) => queries.push(q.sql);
    const knex = server.deps.db.knex();
    knex.on('query', onQuery);
    try {
      const first = samples(await (await scrape(`Bearer ${TOKEN}`)).text());
      const rest = await Promise.all(Array.from({ length: 5 }, async () => samples(await (await scrape(`Bearer ${TOKEN}`)).text())));
      const last = samples(await (await scrape(`Bearer ${TOKEN}`)).text());
      const rounds = (last.get('uw_metrics_db_reads_total') ?? 0) - (first.get('uw_metrics_db_reads_total') ?? 0);
      // Seven scrapes within milliseconds: at most the 10 s window's edge falls between them.
      expect(rounds).toBeLessThanOrEqual(1);
      expect(queries.filter((q) => q.includes('min(created_at) as m')).length).toBeLessThanOrEqual(1);
      expect(rest.every((m) => m.get('uw_queue_depth') === first.get('uw_queue_depth'))).toBe(true);
      expect(first.get('uw_metrics_db_reads_total')).toBeGreaterThanOrEqual(1);
    } finally {
      knex.off('query', onQuery);
    }
  });
});
