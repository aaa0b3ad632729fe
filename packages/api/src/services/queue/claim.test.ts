import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { executionLeaseQueries, type TDatabase } from '@uw/db';
import { openTestDatabase, testDialects } from '@uw/db/testing';

import { executionRow } from '../ingest/record';
import { finishExecution, finishExecutions } from './claim';
import { LeaseLostError } from '../leases/lease';
import { appendStep } from './journal';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dialects = await testDialects({ pgAdminUrl: PG, requirePg: process.env.CI === 'true' });

describe.each(dialects)('execution queue on %s', (dialect) => {
  let db: TDatabase;
  const T = 'universal_webhook_flow_execution';
  const enqueue = (workspaceId: string, n: number) =>
    db
      .knex()(T)
      .insert(Array.from({ length: n }, () => executionRow(workspaceId, { flowId: 'f', versionId: 'v' }, null)));

  beforeAll(async () => {
    db = await openTestDatabase(dialect, PG);
  });
  afterAll(() => db?.close());

  it('claims fairly across workspaces: a burst from A does not starve B (L2)', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 200);
    await enqueue('ws-b', 2);
    const claimed = await executionLeaseQueries.claimExecutions(db, { owner: 'w1', limit: 10, leaseMs: 30_000, perWorkspace: 5 });
    expect(claimed).toHaveLength(7);
    expect(claimed.filter((c) => c.workspace_id === 'ws-b')).toHaveLength(2);
    expect(claimed.filter((c) => c.workspace_id === 'ws-a')).toHaveLength(5);
  });

  it('never hands one execution to two concurrent claimers (Q7)', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 60);
    const results = await Promise.all(
      ['w1', 'w2', 'w3'].map((w) => executionLeaseQueries.claimExecutions(db, { owner: w, limit: 30, leaseMs: 30_000, perWorkspace: 60 })),
    );
    const ids = results.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reclaims an execution whose lease expired, bumping the fencing token; the stale holder is refused (Q2)', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 1);
    const [first] = await executionLeaseQueries.claimExecutions(db, { owner: 'slow-worker', limit: 1, leaseMs: 1, perWorkspace: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const [second] = await executionLeaseQueries.claimExecutions(db, { owner: 'fast-worker', limit: 1, leaseMs: 30_000, perWorkspace: 1 });
    expect(second!.id).toBe(first!.id);
    expect(second!.reclaimed).toBe(true);
    expect(second!.lease_token).toBe(first!.lease_token + 1);
    await expect(appendStep(db, first!, { seq: 0, step: { nodeId: 'n', kind: 'clockify', status: 'succeeded' } })).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    expect(await finishExecution(db, { held: first!, outcome: { status: 'succeeded' } })).toBe(false);
    expect(await finishExecution(db, { held: second!, outcome: { status: 'succeeded' } })).toBe(true);
    const row = await db.knex()(T).where('id', first!.id).first();
    expect(row.status).toBe('succeeded');
    expect(Number(row.attempts)).toBe(2);
  });

  it('writes deferred steps with the outcome in one fenced commit, and nothing of a stale holder', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 1);
    const [first] = await executionLeaseQueries.claimExecutions(db, { owner: 'slow-worker', limit: 1, leaseMs: 1, perWorkspace: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const [second] = await executionLeaseQueries.claimExecutions(db, { owner: 'fast-worker', limit: 1, leaseMs: 30_000, perWorkspace: 1 });
    const condition = (status: string) => ({ seq: 0, step: { nodeId: 'check', kind: 'condition', status } });
    expect(await finishExecution(db, { held: first!, outcome: { status: 'succeeded' }, extras: { steps: [condition('passed')] } })).toBe(
      false,
    );
    const steps = () => db.knex()('universal_webhook_execution_step').where('execution_id', second!.id).select('status');
    expect(await steps()).toEqual([]);
    expect(await finishExecution(db, { held: second!, outcome: { status: 'succeeded' }, extras: { steps: [condition('blocked')] } })).toBe(
      true,
    );
    expect(await steps()).toEqual([{ status: 'blocked' }]);
  });

  it('finishes many executions in one commit, each fenced on its own', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 3);
    const [a, b, stale] = await executionLeaseQueries.claimExecutions(db, { owner: 'w1', limit: 3, leaseMs: 30_000, perWorkspace: 3 });
    await db
      .knex()(T)
      .where('id', stale!.id)
      .update({ lease_token: stale!.lease_token + 1 }); // taken over meanwhile
    const step = (status: string) => ({ steps: [{ seq: 0, step: { nodeId: 'call', kind: 'clockify', status } }] });
    const accepted = await finishExecutions(db, [
      { held: a!, outcome: { status: 'succeeded' }, extras: step('succeeded') },
      { held: stale!, outcome: { status: 'succeeded' }, extras: step('succeeded') },
      { held: b!, outcome: { status: 'failed', error: { code: 'X' } }, extras: step('failed') },
    ]);
    expect(accepted).toEqual([true, false, true]);
    const rows: { id: string; status: string }[] = await db.knex()(T).select('id', 'status');
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [a!.id]: 'succeeded',
      [b!.id]: 'failed',
      [stale!.id]: 'running',
    });
    const steps: { execution_id: string }[] = await db
      .knex()('universal_webhook_execution_step')
      .whereIn('execution_id', [a!.id, b!.id, stale!.id]);
    expect(steps.map((s) => s.execution_id).sort()).toEqual([a!.id, b!.id].sort());
  });

  it('does not claim an execution scheduled for later', async () => {
    await db.knex()(T).delete();
    await db
      .knex()(T)
      .insert({ ...executionRow('ws-a', { flowId: 'f', versionId: 'v' }, null), run_after: Date.now() + 60_000 });
    expect(await executionLeaseQueries.claimExecutions(db, { owner: 'w1', limit: 5, leaseMs: 30_000, perWorkspace: 5 })).toEqual([]);
  });

  it('counts every claim as an attempt, also when the run never reports back; a refunded deferral does not count', async () => {
    await db.knex()(T).delete();
    await enqueue('ws-a', 1);
    // Three runs that died mid-run: each lease expires and the next claim counts one more attempt.
    for (let run = 1; run <= 3; run++) {
      const [claimed] = await executionLeaseQueries.claimExecutions(db, { owner: `w${run}`, limit: 1, leaseMs: 1, perWorkspace: 1 });
      expect(claimed!.attempts).toBe(run);
      await new Promise((r) => setTimeout(r, 5));
    }
    const [fourth] = await executionLeaseQueries.claimExecutions(db, { owner: 'w4', limit: 1, leaseMs: 30_000, perWorkspace: 1 });
    expect(fourth!.attempts).toBe(4);
    expect(await finishExecution(db, { held: fourth!, outcome: { status: 'queued', runAfter: Date.now() - 1, refund: true } })).toBe(true);
    const [fifth] = await executionLeaseQueries.claimExecutions(db, { owner: 'w5', limit: 1, leaseMs: 30_000, perWorkspace: 1 });
    expect(fifth!.attempts).toBe(4);
  });
});
