/**
 * Issue 15: kill -9 a worker (UW_ROLE=worker, beside a UW_ROLE=web process) in the middle of a forEach loop
 * whose body renames one tag per item at the simulator (a slow, idempotent PUT). Another worker resumes the
 * execution after the lease expires at the first unfinished item: an item whose call was committed before
 * the kill is never sent again (counted at the simulator), the one in flight at most once more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor } from './support/clockify';
import { postgresAvailable } from './support/postgres';
import { createScenario, type TScenario } from './support/scenario';

const ws = 'fbbbbbbbbbbbbbbbbbbbbb15';
const available = await postgresAvailable('loop kill -9');
const DEFAULT_LEASE_MS = 30_000;
const ITEMS = 8;

const LOOP_FLOW = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'manual' } },
    { id: 'each', kind: 'forEach', position: { x: 0, y: 100 }, data: { items: 'payload.tagIds' } },
    {
      id: 'rename',
      kind: 'clockify',
      position: { x: 0, y: 200 },
      data: { operationId: 'updateTag', path: { id: '$item' }, query: {}, body: '{ "name": "loop " & $index }' },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'each' },
    { id: 'e2', source: 'each', target: 'rename', branch: 'body' },
  ],
};

describe.skipIf(!available)('kill -9 of a worker mid-loop (PostgreSQL)', () => {
  let s: TScenario;

  beforeAll(async () => {
    s = await createScenario({ sim: { seed: { workspaces: [{ id: ws, users: 1, tags: ITEMS }] } } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('resumes at the first unfinished item without re-sending a finished one', async () => {
    const [web, worker] = await Promise.all([s.spawn('web', { UW_ROLE: 'web' }), s.spawn('worker-a', { UW_ROLE: 'worker' })]);
    await Promise.all([web.waitReady(), worker.waitReady()]);
    const api = await s.install(web.url, ws);
    const tagIds = s.sim.workspace(ws).data.tags.map((t) => t.id);
    expect(tagIds).toHaveLength(ITEMS);
    const flow = await api.flows.create.mutate({ name: 'rename every tag', enabled: true, definition: LOOP_FLOW as never });
    s.sim.faults.add({ match: { operationId: 'updateTag' }, latencyMs: 600 });
    const { executionId } = await api.flows.run.mutate({ id: flow.id, sample: { tagIds } });
    const renames = (tagId: string) => s.sim.requests.filter((r) => r.operationId === 'updateTag' && r.path.endsWith(`/tags/${tagId}`));

    // Three items committed in the journal, the fourth in flight: now the worker dies.
    const committedRows = () =>
      s.sql.rows<{ node_id: string }>(
        "select node_id from universal_webhook_execution_step where execution_id = $1 and kind = 'clockify' and status = 'succeeded'",
        [executionId],
      );
    await waitFor('three items committed', async () => (await committedRows()).length >= 3, { timeoutMs: 20_000, everyMs: 25 });
    const committed = (await committedRows()).map((r) => Number(r.node_id.split('#')[1]));
    await worker.kill9();
    expect(committed.length).toBeLessThan(ITEMS);

    await s.spawn('worker-b', { UW_ROLE: 'worker' }).then((w) => w.waitReady());
    const [row] = await waitFor(
      'the execution finished on the second worker',
      async () => {
        const rows = await s.sql.rows<{ status: string; error: unknown }>(
          'select status, error from universal_webhook_flow_execution where id = $1',
          [executionId],
        );

        return rows[0]?.status === 'succeeded' || rows[0]?.status === 'filtered' || rows[0]?.status === 'failed' ? rows : null;
      },
      { timeoutMs: DEFAULT_LEASE_MS + 20_000, everyMs: 250 },
    );
    expect(row!.status, JSON.stringify(row!.error)).toBe('succeeded');
    tagIds.forEach((tagId, index) => {
      const sent = renames(tagId).length;
      // Committed before the kill: sent exactly once. Any other item: once, or twice when the dead worker's request was in flight.
      if (committed.includes(index)) expect(sent, `item ${index} (committed before the kill)`).toBe(1);
      else expect(sent, `item ${index}`).toBeGreaterThanOrEqual(1);
      expect(sent, `item ${index}`).toBeLessThanOrEqual(2);
    });
    const resentTotal = tagIds.map(renames).reduce((n, r) => n + r.length, 0) - ITEMS;
    expect(resentTotal, 'only the item in flight may be sent twice').toBeLessThanOrEqual(1);
    expect(
      s.sim
        .workspace(ws)
        .data.tags.map((t) => t.name)
        .sort(),
    ).toEqual(tagIds.map((_, i) => `loop ${i}`).sort());
    const timeline = await api.executions.get.query({ id: executionId });
    expect(timeline.steps.map((st) => st.kind)).toContain('lease_expired');
    expect(timeline.steps.filter((st) => st.kind === 'clockify' && st.status === 'succeeded').map((st) => st.nodeId)).toEqual(
      tagIds.map((_, i) => `rename#${i}`),
    );
  });
});
