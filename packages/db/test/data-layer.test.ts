import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  dedupQueries,
  executionLeaseQueries,
  executionQueries,
  jobLockQueries,
  logQueries,
  newId,
  stepQueries,
  TABLE,
  WebhookLog,
  type TDatabase,
} from '../src';
import { openTestDatabase, testDialects } from '../src/testing';
import { REQUIRE_PG, TEST_PG_ADMIN_URL } from './env';
import { execution, log, step } from './fixtures';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });


const claim = (db: TDatabase, owner: string, over: Partial<executionLeaseQueries.TClaimArgs> = {}) =>
  executionLeaseQueries.claimExecutions(db, { owner, limit: 50, leaseMs: 30_000, perWorkspace: 50, ...over });

describe.each(dialects)('data layer on %s', (dialect) => {
  let db: TDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, TEST_PG_ADMIN_URL);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    for (const table of [TABLE.step, TABLE.execution, TABLE.log, TABLE.dedup, TABLE.jobLock]) await db.knex()(table).delete();
  });

  it('derives every table name from the entity definitions', () => {
    expect(TABLE.log).toBe(WebhookLog.meta.tableName);
    expect(Object.values(TABLE).every((name) => name.startsWith('universal_webhook_'))).toBe(true);
    expect(new Set(Object.values(TABLE)).size).toBe(Object.keys(TABLE).length);
  });

  it('never hands one execution to two concurrent claimers, and bumps the fencing token', async () => {
    await executionQueries.insertExecutions(db, [
      ...Array.from({ length: 30 }, () => execution('ws-a')),
      ...Array.from({ length: 30 }, () => execution('ws-b')),
    ]);
    // Concurrent claimers race for the same candidates: a loser gets fewer (or none), never a taken row.
    const taken: executionLeaseQueries.TClaimed[] = [];
    for (let round = 0; round < 10 && taken.length < 60; round++) {
      const results = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((owner) => claim(db, owner, { limit: 20 })));
      for (const [i, claimed] of results.entries()) {
        for (const c of claimed) expect(c).toMatchObject({ lease_owner: `w${i + 1}`, lease_token: 1, attempts: 1, reclaimed: false });
      }
      taken.push(...results.flat());
    }
    const ids = taken.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
    expect(await claim(db, 'w5')).toEqual([]);
  });

  it('leaves a live lease alone, takes an expired one over, and fences the old holder out', async () => {
    await executionQueries.insertExecutions(db, [execution('ws-a')]);
    const [first] = await claim(db, 'slow', { leaseMs: 30_000 });
    expect(await claim(db, 'fast')).toEqual([]);
    // The lease runs out (its worker died): the row is runnable again.
    await db
      .knex()(TABLE.execution)
      .where('id', first!.id)
      .update({ lease_until: Date.now() - 1 });
    const [second] = await claim(db, 'fast');
    expect(second).toMatchObject({ id: first!.id, reclaimed: true, lease_token: first!.lease_token + 1, attempts: 2 });

    const lost = await executionLeaseQueries.renewExecutionLeases(db, { held: [first!, second!], leaseMs: 30_000 });
    expect([...lost]).toEqual([first!.id]);
    expect(await executionLeaseQueries.appendStepsUnderLease(db, first!, [step(first!, 0)])).toBe(false);
    expect(await executionLeaseQueries.appendStepsUnderLease(db, second!, [step(second!, 0)])).toBe(true);
    const finished = await executionLeaseQueries.finishExecutions(db, [
      { held: first!, outcome: { status: 'failed' }, steps: [step(first!, 1)] },
      { held: second!, outcome: { status: 'succeeded' }, steps: [step(second!, 1)] },
    ]);
    expect(finished).toEqual([false, true]);
    const steps = await stepQueries.listSteps(db, 'ws-a', first!.id);
    expect(steps.map((s) => Number(s.seq))).toEqual([0, 1]);
    expect(await executionQueries.findExecution(db, 'ws-a', first!.id)).toMatchObject({ status: 'succeeded' });
  });

  it('scopes every list and read to its workspace', async () => {
    const [logA, logB] = [log('ws-a', 'NEW_PROJECT'), log('ws-b', 'NEW_PROJECT')];
    await logQueries.insertLogs(db, [logA, logB]);
    const [execA, execB] = [execution('ws-a', { log_id: logA.id }), execution('ws-b', { log_id: logB.id })];
    await executionQueries.insertExecutions(db, [execA, execB]);
    const [claimedB] = await claim(db, 'w', { limit: 2 }).then((c) => c.filter((x) => x.workspace_id === 'ws-b'));
    await executionLeaseQueries.appendStepsUnderLease(db, claimedB!, [step(claimedB!, 0)]);

    const logs = await logQueries.listLogs(db, 'ws-a', { limit: 10 });
    expect(logs.map((r) => r.id)).toEqual([logA.id]);
    const byPayload = await logQueries.listLogs(db, 'ws-a', {
      limit: 10,
      payload: { segments: ['project', 'name'], equals: 'ws-b-project' },
    });
    expect(byPayload).toEqual([]);
    expect(await logQueries.getLog(db, 'ws-a', logB.id)).toBeUndefined();
    expect(await logQueries.findLogTrigger(db, 'ws-b', logB.id)).toMatchObject({ id: logB.id, event_type: 'NEW_PROJECT' });

    expect((await executionQueries.listExecutions(db, 'ws-a', { limit: 10 })).map((r) => r.id)).toEqual([execA.id]);
    expect(await executionQueries.findExecution(db, 'ws-a', execB.id)).toBeUndefined();
    expect(await executionQueries.listExecutionsOfLog(db, 'ws-a', logB.id)).toEqual([]);
    expect(await stepQueries.listSteps(db, 'ws-a', execB.id)).toEqual([]);
    expect(await stepQueries.listSteps(db, 'ws-b', execB.id)).toHaveLength(1);
  });

  it('gives a dedup key to one claimer per workspace and frees it after its window', async () => {
    const now = Date.now();
    const claimOf = (workspaceId: string, expiresAt: number) => ({ workspaceId, key: 'k', logId: newId(), expiresAt });
    const first = claimOf('ws-a', now + 60_000);
    expect(await dedupQueries.claimDedupKeys(db, [first, claimOf('ws-b', now + 60_000)])).toEqual([]);
    const again = claimOf('ws-a', now + 60_000);
    expect(await dedupQueries.claimDedupKeys(db, [again])).toEqual([again]);
    // Past the window the key is claimable again.
    expect(await dedupQueries.claimDedupKeys(db, [claimOf('ws-a', now + 120_000)], { now: now + 61_000 })).toEqual([]);
  });

  it('lets one of several processes take a job lock per period', async () => {
    const now = Date.now();
    const take = (owner: string, at: number) => jobLockQueries.tryAcquireJobLock(db, { name: 'job', owner, periodMs: 60_000, now: at });
    const wins = await Promise.all(['p1', 'p2', 'p3'].map((p) => take(p, now)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await take('p4', now + 59_000)).toBe(false);
    expect(await take('p4', now + 60_000)).toBe(true);
  });
});
