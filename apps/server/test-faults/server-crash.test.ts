/**
 * W12 / R1: kill -9 the server while signed Clockify webhooks stream in. Every request answered 2xx must be
 * in the log afterwards (and its execution queued), the restarted server must be ready, and it must keep
 * accepting (no dedup claim or half-written row left behind blocks a retry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { BLOCKED_FLOW, createScenario, type TScenario } from './support/scenario';
import { ackedOf, startWebhookLoad, statusCounts, type TSent } from './support/webhook-load';

const ws = 'faaaaaaaaaaaaaaaaaaaaa01';
const available = await postgresAvailable('server kill -9');

describe.skipIf(!available)('kill -9 of the server under webhook load (PostgreSQL)', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loses no acknowledged webhook over two kill -9 cycles and comes back ready', async () => {
    // web only: the crash is about ingest; executions left queued are run by the last, full process.
    let server = await s.spawn('crash-0', { UW_ROLE: 'web' });
    await server.waitReady();
    const api = await s.install(server.url, ws);
    const flow = await api.flows.create.mutate({ name: 'never passes', enabled: true, definition: BLOCKED_FLOW as never });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    const history: TSent[] = [];

    for (const cycle of [1, 2]) {
      const load = startWebhookLoad({
        url: server.url,
        signature,
        workspaceId: ws,
        concurrency: 16,
        maxRequests: 20_000,
        maxMs: 8_000,
        prefix: `k${cycle}`,
        requestTimeoutMs: 5_000,
      });
      // A different point in the stream each cycle.
      await waitFor('enough acknowledged webhooks before the kill', () => load.acked() >= 150 * cycle, { timeoutMs: 10_000, everyMs: 10 });
      await server.kill9();
      const killedAt = Date.now();
      load.stop();
      const sent = await load.done;
      const late = sent.filter((h) => h.at > killedAt + 5);
      expect(
        late.every((h) => h.status === 0),
        `answers after the kill: ${JSON.stringify(statusCounts(late))}`,
      ).toBe(true);
      history.push(...sent);
      // The same port, so the registered webhook URLs still point at it. The last one runs the worker too.
      server = await s.spawn(`crash-${cycle}`, { UW_ROLE: cycle === 2 ? 'all' : 'web' }, { port: server.port });
      await server.waitReady();
    }

    const acked = ackedOf(history);
    const rows = await s.sql.rows<{ id: string; body_id: string; outcome: string }>(
      "select id, payload->>'id' as body_id, outcome from universal_webhook_log where workspace_id = $1 and source = 'clockify'",
      [ws],
    );
    const byBody = new Map(rows.map((r) => [r.body_id, r]));
    const missing = acked.filter((a) => byBody.get(a.bodyId)?.id !== a.logId);
    expect(missing, `acknowledged but not in the log (of ${acked.length}): ${JSON.stringify(missing.slice(0, 5))}`).toEqual([]);
    expect(acked.every((a) => a.outcome === 'queued')).toBe(true);
    // A row may exist for a request whose answer was lost in the crash (committed, never acknowledged): fine.
    expect(rows.length).toBeGreaterThanOrEqual(acked.length);
    expect(rows.length).toBeLessThanOrEqual(history.length);
    expect(rows.every((r) => r.outcome === 'queued')).toBe(true);

    const executions = await s.sql.rows<{ log_id: string }>(
      'select log_id from universal_webhook_flow_execution where workspace_id = $1 and flow_id = $2',
      [ws, flow.id],
    );
    const queuedFor = new Set(executions.map((e) => e.log_id));
    expect(
      acked.filter((a) => !queuedFor.has(a.logId!)),
      'acknowledged as queued but no execution row',
    ).toEqual([]);
    expect(executions.length, 'one execution per logged webhook').toBe(rows.length);
    expect(queuedFor.size).toBe(executions.length);

    // The restarted server accepts new webhooks and finishes the executions the dead ones left queued.
    const t0 = Date.now();
    const after = await startWebhookLoad({
      url: server.url,
      signature,
      workspaceId: ws,
      concurrency: 4,
      maxRequests: 40,
      maxMs: 10_000,
      prefix: 'k3',
    }).done;
    const rejected = await s.sql.rows<{ reason: string; received_at: string }>(
      "select reason, received_at from universal_webhook_log where outcome = 'rejected'",
    );
    expect(
      statusCounts(after),
      `rejections: ${JSON.stringify(rejected)}; ${JSON.stringify(after.filter((a) => a.status !== 200))}`,
    ).toEqual({ 200: 40 });
    await waitFor(
      'every execution finished after the restart',
      async () => {
        const [row] = await s.sql.rows<{ n: string }>(
          "select count(*) as n from universal_webhook_flow_execution where workspace_id = $1 and status not in ('succeeded', 'filtered', 'failed')",
          [ws],
        );

        return Number(row!.n) === 0;
      },
      { timeoutMs: 20_000, everyMs: 250 },
    );
    console.info(
      `[server-crash] drain ${Date.now() - t0} ms; requests ${history.length}, acked ${acked.length}, answers lost in the crashes ${history.length - acked.length}, rows ${rows.length}`,
    );
  });
});
