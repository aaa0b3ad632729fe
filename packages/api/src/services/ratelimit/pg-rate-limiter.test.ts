import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, TABLE, type TDatabase } from '@uw/db';
import { createScratchDatabase, isPgReachable, type TScratch } from '@uw/db/testing';

import { blockSize, createSharedRateLimiter } from './pg-rate-limiter';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const required = process.env.CI === 'true';
const reachable = await isPgReachable(PG);
if (!reachable && required) throw new Error(`PostgreSQL is required (CI=true) but not reachable at ${PG}`);

/**
 * L4: two "processes" (two ORMs with their own connection pools, as two servers would have) share one
 * workspace limit through PostgreSQL; together they never exceed it in any aligned second.
 */
describe.skipIf(!reachable)('shared rate limiter on PostgreSQL', () => {
  let scratch: TScratch;
  let a: TDatabase;
  let b: TDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase('postgresql', PG);
    a = await openDatabase({ url: scratch.url });
    b = await openDatabase({ url: scratch.url, migrate: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.drop();
  });

  it('keeps two processes together under max_rps, and uses most of it while backlogged', async () => {
    const limiterA = createSharedRateLimiter(a);
    const limiterB = createSharedRateLimiter(b);
    const grants: number[] = [];
    const take = async (limiter: ReturnType<typeof createSharedRateLimiter>) => {
      await limiter.acquire('ws-shared', 10);
      grants.push(Date.now());
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, (_, i) => take(i % 2 === 0 ? limiterA : limiterB)));
    // The shared count per aligned second is exact. (A grant's timestamp taken after `acquire` returns can
    // slip into the next second on a loaded machine, so the windows are what is checked.)
    const windows = await a.knex()(TABLE.rateWindow).where({ bucket: 'ws-shared' }).select('count');
    expect(Math.max(...windows.map((w) => Number(w.count)))).toBeLessThanOrEqual(10);
    expect(windows.reduce((sum, w) => sum + Number(w.count), 0)).toBe(40);
    expect(grants).toHaveLength(40);
    // 40 permits at 10/s need at least three second boundaries, and with a backlog not many more.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('leases slots in blocks: a block per statement, handed out locally within its second', async () => {
    expect([1, 9, 10, 25, 50, 200].map(blockSize)).toEqual([1, 1, 1, 2, 5, 10]);
    const limiter = createSharedRateLimiter(a);
    // Start early in a second, so the five calls below share it.
    const ms = Date.now() % 1000;
    if (ms > 300) await new Promise((r) => setTimeout(r, 1010 - ms));
    const second = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 5; i++) await limiter.acquire('ws-block', 50);
    const rows = await a.knex()(TABLE.rateWindow).where({ bucket: 'ws-block' }).select('second', 'count', 'granted');
    // One block of 5 covered all five calls: the counter moved once, by 5.
    expect(rows.map((r) => [Number(r.second), Number(r.count), Number(r.granted)])).toEqual([[second, 5, 5]]);
    // The sixth call in that second needs another block; the total never passes the limit.
    await limiter.acquire('ws-block', 50);
    const [after] = await a
      .knex()(TABLE.rateWindow)
      .where({ bucket: 'ws-block', second: Math.floor(Date.now() / 1000) })
      .select('count');
    expect(Number(after.count)).toBeLessThanOrEqual(50);
  });

  it('never grants past the limit when blocks race from two processes', async () => {
    const limiters = [createSharedRateLimiter(a), createSharedRateLimiter(b)];
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        await limiters[i % 2]!.acquire('ws-race', 25);
        grants.push(Date.now());
      }),
    );
    const perSecond = new Map<number, number>();
    for (const at of grants) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(25);
    const windows = await a.knex()(TABLE.rateWindow).where({ bucket: 'ws-race' }).select('count');
    expect(Math.max(...windows.map((w) => Number(w.count)))).toBeLessThanOrEqual(25);
  });

  it("keeps workspaces apart: one workspace's backlog does not slow another", async () => {
    const limiter = createSharedRateLimiter(a);
    const busy = Promise.all(Array.from({ length: 30 }, () => limiter.acquire('ws-busy', 5)));
    const started = Date.now();
    await limiter.acquire('ws-quiet', 5);
    expect(Date.now() - started).toBeLessThan(1_100);
    await busy;
  });
});
