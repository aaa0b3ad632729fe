import { describe, expect, it } from 'vitest';

import { createGroupCommit } from './group-commit';

/** A commit that takes `ms` and records the batches it was given. */
function slowCommit(ms: number, fail?: (items: number[]) => boolean) {
  const batches: number[][] = [];
  const commit = async (items: number[]) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, ms));
    if (fail?.(items)) throw new Error('commit failed');

    return items.map((n) => n * 10);
  };

  return { batches, commit };
}

describe('createGroupCommit', () => {
  it('gives each item its own result, and groups what waits behind a commit in flight', async () => {
    const { batches, commit } = slowCommit(20);
    const queue = createGroupCommit(commit, { maxBatch: 100, maxInFlight: 1, maxWaitMs: 0 });
    const first = queue.submit(1);
    const rest = [2, 3, 4].map((n) => queue.submit(n));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('ends a batch before the item that would take it past the weight limit, a heavy item going alone', async () => {
    const { batches, commit } = slowCommit(20);
    const queue = createGroupCommit(commit, { maxBatch: 100, maxInFlight: 1, maxWaitMs: 0, weigh: { of: (n) => n, max: 10 } });
    const first = queue.submit(0);
    const rest = [3, 4, 3, 1, 25, 2].map((n) => queue.submit(n));
    expect(await Promise.all([first, ...rest])).toEqual([0, 30, 40, 30, 10, 250, 20]);
    expect(batches).toEqual([[0], [3, 4, 3], [1], [25], [2]]);
  });

  it('retries the items of a failed batch one at a time, so only the bad item fails, and keeps serving', async () => {
    const { batches, commit } = slowCommit(5, (items) => items.includes(2));
    const queue = createGroupCommit(commit, { maxBatch: 10, maxInFlight: 1, maxWaitMs: 5 });
    const results = await Promise.allSettled([queue.submit(1), queue.submit(2), queue.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'commit failed', 30]);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    expect(await queue.submit(4)).toBe(40);
  });

  it('rejects the whole batch at once when the error is not worth retrying alone (the database is down)', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const batches: number[][] = [];
    const commit = async (items: number[]): Promise<number[]> => {
      batches.push(items);
      throw down;
    };
    const queue = createGroupCommit(commit, { maxBatch: 10, maxInFlight: 1, maxWaitMs: 5 });
    const results = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(batches).toEqual([[1, 2]]);
  });

  it('close waits for the transactions in flight and commits what is pending', async () => {
    const { batches, commit } = slowCommit(20);
    const queue = createGroupCommit(commit, { maxBatch: 10, maxInFlight: 2, maxWaitMs: 1_000 });
    const pending = queue.submit(7);
    await queue.close();
    expect(batches).toEqual([[7]]);
    expect(await pending).toBe(70);
  });
});
