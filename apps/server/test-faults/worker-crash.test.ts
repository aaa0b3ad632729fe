/**
 * Q1/Q3: kill -9 a worker process (UW_ROLE=worker, beside a UW_ROLE=web process) while its executions are
 * inside a slow Clockify call. After the lease expires another worker resumes each execution after its last
 * committed step: step 1 is never re-sent (its recorded response feeds step 2), every execution finishes
 * exactly once, and the timeline shows `lease_expired`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeEntryBody, waitFor, webhookToken } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { createScenario, type TScenario } from './support/scenario';

const ws = 'fbbbbbbbbbbbbbbbbbbbbb01';
const available = await postgresAvailable('worker kill -9');
/** The product's default lease (30 s). `UW_LEASE_MS` is passed too: when the server learns it, this test gets faster. */
const DEFAULT_LEASE_MS = 30_000;
const SHORT_LEASE_MS = 3_000;
const N = 4;

/** create a tag "s1 <id>", then rename that tag (from step 1's response) to "s2 <id>": a slow, idempotent PUT. */
const TWO_STEP_FLOW = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_TIME_ENTRY'] } },
    { id: 'billable', kind: 'condition', position: { x: 0, y: 100 }, data: { expression: 'payload.billable = true' } },
    {
      id: 's1',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'createNewTag', path: {}, query: {}, body: '{ "name": "s1 " & payload.id }' },
    },
    {
      id: 's2',
      kind: 'clockify',
      position: { x: 0, y: 300 },
      data: { operationId: 'updateTag', path: { id: 'steps.s1.body.id' }, query: {}, body: '{ "name": "s2 " & payload.id }' },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'billable' },
    { id: 'e2', source: 'billable', target: 's1' },
    { id: 'e3', source: 's1', target: 's2' },
  ],
};

describe.skipIf(!available)('kill -9 of a worker mid-step (PostgreSQL)', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, projects: 1, clients: 1, tags: 1, timeEntries: 1 }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('resumes after the lease expires without re-sending completed steps', async () => {
    const workerEnv = { UW_ROLE: 'worker', UW_LEASE_MS: String(SHORT_LEASE_MS) };
    const [web, worker] = await Promise.all([s.spawn('web', { UW_ROLE: 'web' }), s.spawn('worker-a', workerEnv)]);
    await Promise.all([web.waitReady(), worker.waitReady()]);
    const api = await s.install(web.url, ws);
    const flow = await api.flows.create.mutate({ name: 'tag then rename', enabled: true, definition: TWO_STEP_FLOW as never });
    s.sim.faults.add({ match: { operationId: 'updateTag' }, latencyMs: 1_500 });
    const signature = webhookToken(s.sim, { workspaceId: ws, eventType: 'NEW_TIME_ENTRY', serverUrl: web.url });
    const ids = Array.from({ length: N }, (_, i) => `wk-${i}`);
    for (const id of ids) {
      const res = await fetch(`${web.url}/webhooks/clockify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'clockify-signature': signature, 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' },
        body: JSON.stringify(timeEntryBody(ws, id)),
      });
      expect(await res.json()).toMatchObject({ outcome: 'queued', flows: 1 });
    }
    const calls = (op: string, id: string) =>
      s.sim.requests.filter((r) => r.operationId === op && (r.body as { name?: string } | undefined)?.name?.endsWith(` ${id}`));
    const ok = (status: number) => status >= 200 && status < 300;

    // Step 1 committed for all (in the journal, not just answered by Clockify), step 2 (1.5 s) in flight: now the worker dies.
    await waitFor(
      'step 1 of every execution committed',
      async () => {
        const [row] = await s.sql.rows<{ n: string }>(
          "select count(*) as n from universal_webhook_execution_step where workspace_id = $1 and node_id = 's1' and status = 'succeeded'",
          [ws],
        );

        return Number(row!.n) === N;
      },
      { timeoutMs: 15_000, everyMs: 25 },
    );
    expect(
      ids.flatMap((id) => calls('updateTag', id)),
      'no step 2 finished before the kill',
    ).toEqual([]);
    await worker.kill9();
    const killedAt = Date.now();

    await s.spawn('worker-b', workerEnv).then((w) => w.waitReady());
    const executions = await waitFor(
      'every execution finished on the second worker',
      async () => {
        const rows = await s.sql.rows<{ id: string; status: string; finished_at: string | null; error: unknown }>(
          'select id, status, finished_at, error from universal_webhook_flow_execution where workspace_id = $1 and flow_id = $2',
          [ws, flow.id],
        );

        return rows.length === N && rows.every((r) => r.status === 'succeeded' || r.status === 'filtered' || r.status === 'failed')
          ? rows
          : null;
      },
      { timeoutMs: DEFAULT_LEASE_MS + 15_000, everyMs: 250 },
    );
    const resumedAfterMs = Date.now() - killedAt;

    expect(
      executions.map((e) => e.status),
      JSON.stringify(executions.map((e) => e.error)),
    ).toEqual(Array(N).fill('succeeded'));
    for (const id of ids) {
      // Step 1 was committed before the crash: sent exactly once.
      expect(calls('createNewTag', id), `step 1 of ${id}`).toHaveLength(1);
      // Step 2 was in flight: at least once, at most twice (the dead worker's request may have arrived), one answer used.
      const s2 = calls('updateTag', id);
      expect(s2.length, `step 2 of ${id}`).toBeGreaterThanOrEqual(1);
      expect(s2.length, `step 2 of ${id}`).toBeLessThanOrEqual(2);
      expect(s2.filter((r) => ok(r.status)).length, `step 2 of ${id} answered`).toBeGreaterThanOrEqual(1);
      // The resumed step 2 used step 1's recorded response (the tag it created), not a new one.
      const tag = s.sim.workspace(ws).data.tags.find((t) => t.name === `s2 ${id}`);
      expect(
        s2.map((r) => r.path),
        'step 2 renames the tag step 1 created',
      ).toEqual(s2.map(() => `/api/v1/workspaces/${ws}/tags/${tag?.id}`));
    }
    expect(
      s.sim
        .workspace(ws)
        .data.tags.filter((t) => t.name.startsWith('s2 wk-'))
        .map((t) => t.name)
        .sort(),
    ).toEqual(ids.map((id) => `s2 ${id}`).sort());
    expect(s.sim.workspace(ws).data.tags.filter((t) => t.name.startsWith('s1 wk-'))).toEqual([]);

    for (const e of executions) {
      const timeline = await api.executions.get.query({ id: e.id });
      const kinds = timeline.steps.map((st) => `${st.nodeId ?? '-'}:${st.kind}:${st.status}`);
      expect(kinds, JSON.stringify(kinds)).toContain('-:lease_expired:info');
      expect(
        timeline.steps.filter((st) => st.nodeId === 's1' && st.status === 'succeeded'),
        'one committed step 1',
      ).toHaveLength(1);
      expect(
        timeline.steps.filter((st) => st.nodeId === 's2' && st.status === 'succeeded'),
        'one committed step 2',
      ).toHaveLength(1);
      expect(timeline.finishedAt).not.toBeNull();
    }
    console.info(`[worker-crash] ${N} executions resumed and finished ${resumedAfterMs} ms after the kill`);
  });
});
