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

  it('rejects every item of a failed batch and keeps serving the next ones', async () => {
    const { commit } = slowCommit(5, (items) => items.includes(2));
    const queue = createGroupCommit(commit, { maxBatch: 10, maxInFlight: 1, maxWaitMs: 5 });
    const results = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await queue.submit(3)).toBe(30);
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
