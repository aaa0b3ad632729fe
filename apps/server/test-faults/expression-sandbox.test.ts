/**
 * The expression sandbox against a real server process (issue 12, row 2): the expressions that used to
 * take the process down (`$pad` with a long filler: heap exhaustion; a costly RE2 search over a million
 * characters: a blocked event loop) fail with a code while `/health` keeps answering within 100 ms; a saved
 * flow with such a condition fails once instead of killing every restart; and an execution whose earlier
 * runs died mid-run is parked after `flow_max_attempts` instead of being run again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeEntryBody, waitFor, webhookToken, type TOwnerClient } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { createScenario, type TScenario } from './support/scenario';
import type { TServerProcess } from './support/server-process';

const ws = 'feeeeeeeeeeeeeeeeeeeee11';
const available = await postgresAvailable('expression sandbox');
const FILLER = '0123456789abcdef'.repeat(4);
const HOSTILE = {
  pad: `$pad("a", 1000000, "${FILLER}")`,
  re2: '$contains($pad("",1000000,"a"), /a{1,1000}a{1,1000}b/)',
  re2Input: '$contains($pad("",1000000,"a"), /a{1,100}b/)',
  re2Costly: '$contains($pad("",99500,"a"), /(.*a){20}/)',
  heap: '$map([1..2000], function($i){ $uppercase($pad("", 999000, "x")) })',
};

const conditionFlow = (expression: string) => ({
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'check', kind: 'condition', position: { x: 0, y: 100 }, data: { expression } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'check' }],
});

type TExecutionRow = { id: string; status: string; attempts: number; error: { code?: string; message?: string } | null };

describe.skipIf(!available)('expression sandbox in a running server (PostgreSQL)', () => {
  let s: TScenario;
  let server: TServerProcess;
  let api: TOwnerClient;

  /** Polls /health every 10 ms until stopped; resolves with every latency and any failure. */
  const watchHealth = () => {
    const latencies: number[] = [];
    const failures: string[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const startedAt = performance.now();
        try {
          const res = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) });
          if (res.status !== 200) failures.push(`status ${res.status}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
        latencies.push(performance.now() - startedAt);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    return async () => {
      running = false;
      await loop;

      return { latencies, failures };
    };
  };
  const executionsOf = (flowId: string) =>
    s.sql.rows<TExecutionRow>('select id, status, attempts, error from universal_webhook_flow_execution where flow_id = $1', [flowId]);

  beforeAll(async () => {
    s = await createScenario({
      sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } },
    });
    server = await s.spawn('expression-sandbox', { UW_ROLE: 'all' });
    await server.waitReady();
    api = await s.install(server.url, ws);
  });
  afterAll(() => s?.close());

  it('flows.test with the process-killing expressions: each fails with a code, /health answers within 100 ms, the process stays up', async () => {
    // Warm the sandbox (its workers start on first use) and the HTTP path before measuring. A range is not a
    // bounded expression, so this one runs in a worker (`true` would be answered on the main thread).
    const warmUp = conditionFlow('$count([1..2]) = 2');
    await api.flows.test.mutate({ definition: warmUp as never, sample: { eventType: 'NEW_TIME_ENTRY', payload: {} } });
    await fetch(`${server.url}/health`);
    const stop = watchHealth();
    const results = await Promise.all(
      Object.entries(HOSTILE).map(async ([name, expression]) => {
        const startedAt = performance.now();
        const result = await api.flows.test.mutate({
          definition: conditionFlow(expression) as never,
          sample: { eventType: 'NEW_TIME_ENTRY', payload: {} },
        });

        return { name, result, ms: performance.now() - startedAt };
      }),
    );
    const health = await stop();

    const codes = Object.fromEntries(
      results.map(({ name, result }) => [name, (result.outcome as { error?: { code?: string } }).error?.code]),
    );
    expect(codes).toEqual({
      pad: 'EXPRESSION_LIMIT',
      // Refused before it runs: its counted repetitions add up to 2,000 (the limit is 1,000).
      re2: 'FLOW_INVALID',
      re2Input: 'EXPRESSION_LIMIT',
      re2Costly: 'EXPRESSION_LIMIT',
      heap: expect.stringMatching(/^EXPRESSION_(TIMEOUT|CRASHED|LIMIT)$/),
    });
    for (const { name, ms } of results) expect(ms, `${name} answered promptly`).toBeLessThan(3_000);
    expect(health.failures).toEqual([]);
    expect(health.latencies.length).toBeGreaterThan(5);
    expect(Math.max(...health.latencies), `/health latencies ${health.latencies.map(Math.round).join(',')}`).toBeLessThan(100);
    expect(await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('alive'), 10))])).toBe('alive');
    await expect(fetch(`${server.url}/ready`).then((r) => r.status)).resolves.toBe(200);
  });

  it('a saved flow with the $pad condition fails once with its code; the server keeps serving', async () => {
    const flow = await api.flows.create.mutate({ name: 'pad bomb', enabled: true, definition: conditionFlow(HOSTILE.pad) as never });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    const res = await fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'clockify-signature': signature, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' },
      body: JSON.stringify(timeEntryBody(ws, 'pad-bomb-1')),
    });
    expect(res.status).toBe(200);
    const [done] = await waitFor(
      'the execution finished',
      async () => {
        const rows = await executionsOf(flow.id);

        return rows.length === 1 && rows[0]!.status !== 'queued' && rows[0]!.status !== 'running' ? rows : null;
      },
      { timeoutMs: 20_000, everyMs: 100 },
    );
    expect(done).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'EXPRESSION_LIMIT', nodeId: 'check' } });
    expect(await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('alive'), 10))])).toBe('alive');
  });

  it('an execution whose runs died mid-run flow_max_attempts times is marked failed, not run again', async () => {
    const flow = await api.flows.create.mutate({ name: 'would pass', enabled: true, definition: conditionFlow('true') as never });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: server.url });
    await fetch(`${server.url}/webhooks/clockify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'clockify-signature': signature, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' },
      body: JSON.stringify(timeEntryBody(ws, 'died-mid-run')),
    });
    const [first] = await waitFor('the execution ran', async () => {
      const rows = await executionsOf(flow.id);

      return rows[0]?.status === 'succeeded' ? rows : null;
    });
    // As a process that died on its fifth run would leave it: running, lease expired, five attempts counted.
    await s.sql.rows(
      "update universal_webhook_flow_execution set status = 'running', lease_until = 1, lease_owner = 'dead-process', attempts = 5, finished_at = null where id = $1",
      [first!.id],
    );
    const [parked] = await waitFor(
      'the execution was parked',
      async () => {
        const rows = await executionsOf(flow.id);

        return rows[0]?.status === 'failed' ? rows : null;
      },
      { timeoutMs: 20_000, everyMs: 100 },
    );
    expect(parked).toMatchObject({ status: 'failed', attempts: 5, error: { code: 'ATTEMPTS_EXHAUSTED' } });
    const steps = await s.sql.rows<{ n: string }>('select count(*) as n from universal_webhook_execution_step where execution_id = $1', [
      first!.id,
    ]);
    // Only the first (successful) run recorded its condition: the parked claim ran nothing.
    expect(Number(steps[0]!.n)).toBe(1);
  });
});
