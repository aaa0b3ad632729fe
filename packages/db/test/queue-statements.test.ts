import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { executionLeaseQueries, executionQueries, logQueries, stepQueries, TABLE, type TDatabase } from '../src';
import { openTestDatabase, testDialects } from '../src/testing';
import { REQUIRE_PG, TEST_PG_ADMIN_URL } from './env';
import { execution, log, step } from './fixtures';

/**
 * The queue's group statements (one prepared statement each on PostgreSQL, the query-builder versions on
 * SQLite) must mean the same on both: what a claim returns, what a group finish writes and refuses.
 */
const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('queue group statements on %s', (dialect) => {
  let db: TDatabase;
  const claim = (owner: string, limit = 10) =>
    executionLeaseQueries.claimExecutions(db, { owner, limit, leaseMs: 30_000, perWorkspace: 10 });
  const flow = (id: string, limits: { max_concurrent?: number } = {}) =>
    db.knex()(TABLE.flow).insert({
      id,
      workspace_id: 'ws-q',
      name: id,
      enabled: true,
      current_version_id: 'v',
      current_version: 1,
      created_at: 1,
      updated_at: 1,
      ...limits,
    });

  beforeAll(async () => {
    db = await openTestDatabase(dialect, TEST_PG_ADMIN_URL);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    for (const t of [TABLE.step, TABLE.execution, TABLE.flow, TABLE.log]) await db.knex()(t).delete();
  });

  it('claims a run with its webhook (read along on PostgreSQL) and a manual run without one', async () => {
    const hook = log('ws-q', 'NEW_TIME_ENTRY');
    await logQueries.insertLogs(db, [hook]);
    const withLog = execution('ws-q', { log_id: hook.id });
    const manual = execution('ws-q');
    await executionQueries.insertExecutions(db, [withLog, manual]);

    const claimed = await claim('w1');
    expect(claimed.map((c) => c.id).sort()).toEqual([withLog.id, manual.id].sort());
    const first = claimed.find((c) => c.id === withLog.id)!;
    expect(first).toMatchObject({ attempts: 1, lease_owner: 'w1', reclaimed: false, resumed: false });
    if (dialect === 'postgresql') {
      expect(first.log).toMatchObject({ event_type: 'NEW_TIME_ENTRY', source: 'clockify' });
      expect(JSON.parse(first.log!.payload!)).toEqual(JSON.parse(hook.payload!));
    }
    expect(claimed.find((c) => c.id === manual.id)!.log).toBeUndefined();
    expect(await claim('w2')).toEqual([]);
  });

  it('claims flows with limits through the counting claim, beside the others, within their limit', async () => {
    await flow('limited', { max_concurrent: 1 });
    await flow('free');
    const limited = [1, 2, 3].map(() => execution('ws-q', { flow_id: 'limited' }));
    const free = [1, 2].map(() => execution('ws-q', { flow_id: 'free' }));
    await executionQueries.insertExecutions(db, [...limited, ...free]);

    const claimed = await claim('w1');
    expect(claimed.filter((c) => c.flow_id === 'limited')).toHaveLength(1);
    expect(claimed.filter((c) => c.flow_id === 'free')).toHaveLength(2);
    // The limited flow's running one holds its only slot.
    expect(await claim('w2')).toEqual([]);
  });

  it('finishes a group in one go: fenced per item, steps only for the accepted, each flow its latest ended outcome', async () => {
    await flow('flow-1');
    const rows = [1, 2, 3, 4].map(() => execution('ws-q', { flow_id: 'flow-1' }));
    await executionQueries.insertExecutions(db, rows);
    const [a, b, c, d] = (await claim('w1')).sort((x, y) => rows.findIndex((r) => r.id === x.id) - rows.findIndex((r) => r.id === y.id));
    // Someone asks to cancel c while it runs: put back for a retry, it ends cancelled instead.
    await db.knex()(TABLE.execution).where('id', c!.id).update({ cancel_requested_at: 5 });
    const stale = { ...d!, lease_token: d!.lease_token - 1 };

    const accepted = await executionLeaseQueries.finishExecutions(db, [
      { held: a!, outcome: { status: 'failed', error: { code: 'X' } }, steps: [step(a!, 0)], flowId: 'flow-1' },
      { held: b!, outcome: { status: 'succeeded' }, steps: [step(b!, 0), step(b!, 1)], flowId: 'flow-1' },
      { held: c!, outcome: { status: 'queued', runAfter: 42, refund: true }, steps: [step(c!, 0)], flowId: 'flow-1' },
      { held: stale, outcome: { status: 'succeeded' }, steps: [step(d!, 0)], flowId: 'flow-1' },
    ]);
    expect(accepted).toEqual([true, true, true, false]);

    const stored = await db.knex()(TABLE.execution).select('id', 'status', 'attempts', 'error', 'lease_owner', 'finished_at');
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.get(a!.id)).toMatchObject({ status: 'failed', attempts: 1, lease_owner: null });
    const error: unknown = byId.get(a!.id)!.error;
    expect(typeof error === 'string' ? JSON.parse(error) : error).toEqual({ code: 'X' });
    expect(byId.get(b!.id)).toMatchObject({ status: 'succeeded', error: null });
    expect(byId.get(c!.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(byId.get(c!.id)!.finished_at).not.toBeNull();
    expect(byId.get(d!.id)).toMatchObject({ status: 'running', lease_owner: 'w1' });
    expect((await stepQueries.listSteps(db, 'ws-q', a!.id)).length).toBe(1);
    expect((await stepQueries.listSteps(db, 'ws-q', b!.id)).length).toBe(2);
    expect((await stepQueries.listSteps(db, 'ws-q', d!.id)).length).toBe(0);
    const lastRun = await db.knex()(TABLE.flow).where('id', 'flow-1').first('last_run_status');
    // b is the latest ended outcome of the group (c was put back, d was refused).
    expect(lastRun.last_run_status).toBe('succeeded');
  });

  it('renews a group of leases by token: a stale holder of a row learns it lost it', async () => {
    await executionQueries.insertExecutions(db, [execution('ws-q'), execution('ws-q')]);
    const [x, y] = await claim('w1');
    const lost = await executionLeaseQueries.renewExecutionLeases(db, {
      held: [x!, { ...y!, lease_token: y!.lease_token + 7 }],
      leaseMs: 60_000,
    });
    expect([...lost]).toEqual([y!.id]);
    const until = await db.knex()(TABLE.execution).where('id', x!.id).first('lease_until');
    expect(Number(until.lease_until)).toBeGreaterThan(Date.now() + 50_000);
  });
});
