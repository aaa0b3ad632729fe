/**
 * Q7: two worker processes on one PostgreSQL. Both race for one full queue (released at the same instant);
 * no execution is claimed by both or runs twice, both do work, and the periodic jobs run once per period
 * across the two (the row lock in universal_webhook_job_lock).
 */
import { hostname } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeEntryBody, waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { billableTagFlow, createScenario, type TScenario } from './support/scenario';

const ws = 'fccccccccccccccccccccc01';
const available = await postgresAvailable('two workers');
const N = 40;
const SCHEDULER_TICK_MS = 5_000;

describe.skipIf(!available)('two worker processes on one PostgreSQL', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('never runs one execution on both, and runs each periodic job once per period', async () => {
    const [web, a, b] = await Promise.all([
      s.spawn('web', { UW_ROLE: 'web' }),
      // Fewer slots than executions: one worker alone cannot hold the whole backlog, so both take part.
      s.spawn('worker-a', { UW_ROLE: 'worker', UW_WORKER_CONCURRENCY: '16' }),
      s.spawn('worker-b', { UW_ROLE: 'worker', UW_WORKER_CONCURRENCY: '16' }),
    ]);
    await Promise.all([web.waitReady(), a.waitReady(), b.waitReady()]);
    const workersUpAt = Date.now();
    const api = await s.install(web.url, ws);
    const flow = await api.flows.create.mutate({ name: 'one call', enabled: true, definition: billableTagFlow('q7') as never });
    s.sim.faults.add({ match: { operationId: 'createNewTag' }, latencyMs: 300 });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: web.url });

    // Fill the queue while both workers are frozen, then release them together.
    a.pause();
    b.pause();
    try {
      for (let i = 0; i < N; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, async (_, j) => {
            const res = await fetch(`${web.url}/webhooks/clockify`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'clockify-signature': signature,
                'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
              },
              body: JSON.stringify(timeEntryBody(ws, `q7-${i + j}`)),
            });
            expect((await res.json()).outcome).toBe('queued');
          }),
        );
      }
    } finally {
      a.resume();
      b.resume();
    }

    // Watch who holds what while the queue drains.
    const owners = new Map<string, Set<string>>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await s.sql.rows<{ id: string; lease_owner: string }>(
          "select id, lease_owner from universal_webhook_flow_execution where status = 'running'",
        );
        for (const r of rows) owners.set(r.id, (owners.get(r.id) ?? new Set()).add(r.lease_owner));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const executions = await waitFor(
      'all executions finished',
      async () => {
        const rows = await s.sql.rows<{ id: string; status: string; attempts: number; lease_token: number }>(
          'select id, status, attempts, lease_token from universal_webhook_flow_execution where flow_id = $1',
          [flow.id],
        );

        return rows.length === N && rows.every((r) => r.status === 'succeeded' || r.status === 'filtered' || r.status === 'failed')
          ? rows
          : null;
      },
      { timeoutMs: 30_000, everyMs: 100 },
    );
    sampling = false;
    await sampler;

    expect(executions.filter((e) => e.status !== 'succeeded')).toEqual([]);
    // Claimed exactly once each: a second claim would bump attempts and the fencing token.
    expect(executions.filter((e) => e.attempts !== 1 || e.lease_token !== 1)).toEqual([]);
    expect(
      [...owners.entries()].filter(([, o]) => o.size > 1),
      'an execution held by two workers',
    ).toEqual([]);
    const perOwner = new Map<string, number>();
    for (const o of owners.values()) for (const owner of o) perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    expect([...perOwner.keys()].sort(), `executions seen running per worker: ${JSON.stringify([...perOwner])}`).toEqual(
      [`${hostname()}-${a.pid}`, `${hostname()}-${b.pid}`].sort(),
    );
    const sent = s.sim.requests.filter((r) => r.operationId === 'createNewTag');
    const perMarker = new Map<string, number>();
    for (const r of sent)
      perMarker.set(String((r.body as { name: string }).name), (perMarker.get(String((r.body as { name: string }).name)) ?? 0) + 1);
    expect(perMarker.size).toBe(N);
    expect(
      [...perMarker.values()].every((n) => n === 1),
      'each Clockify call sent once',
    ).toBe(true);

    // Periodic jobs: let both schedulers tick at least twice more, then count the runs across both processes.
    await new Promise((r) => setTimeout(r, Math.max(0, workersUpAt + 2 * SCHEDULER_TICK_MS + 500 - Date.now())));
    const runs = [...a.logs(), ...b.logs()].filter((l) => l.msg === 'periodic job ran');
    const byJob = new Map<string, { pid: unknown }[]>();
    for (const r of runs) byJob.set(String(r.job), [...(byJob.get(String(r.job)) ?? []), { pid: r.pid }]);
    // Every job that ran, ran once (more jobs may be added to the scheduler over time).
    expect([...byJob.keys()]).toEqual(expect.arrayContaining(['rate-window-prune', 'retention', 'webhook-repair']));
    for (const [job, list] of byJob) expect(list, `${job} ran ${list.length} times`).toHaveLength(1);
    const locks = await s.sql.rows<{ name: string; owner: string }>('select name, owner from universal_webhook_job_lock order by name');
    for (const lock of locks) {
      const ranOn = byJob.get(lock.name)?.[0]?.pid;
      expect(lock.owner, `job ${lock.name}`).toMatch(new RegExp(`-${ranOn}$`));
    }
    console.info(
      `[two-workers] executions seen running per worker: ${JSON.stringify([...perOwner])}; job runs: ${JSON.stringify([...byJob].map(([j, l]) => [j, l[0]!.pid]))}`,
    );
  });
});
