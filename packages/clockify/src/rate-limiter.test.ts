import { describe, expect, it } from 'vitest';

import { createMemoryRateLimiter } from './rate-limiter';

/** Counts acquisitions per aligned wall-clock second. */
const perSecond = (times: number[]) => {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1);

  return [...counts.values()];
};

describe('createMemoryRateLimiter', () => {
  it('lets 120 acquisitions at 50/s through without more than 50 in any aligned second, and waits rather than fails', async () => {
    const limiter = createMemoryRateLimiter();
    const times: number[] = [];
    const started = Date.now();
    const waits = await Promise.all(
      Array.from({ length: 120 }, () =>
        limiter.acquire('ws-a', 50).then((waited) => {
          times.push(Date.now());

          return waited;
        }),
      ),
    );
    const counts = perSecond(times);
    expect(Math.max(...counts)).toBeLessThanOrEqual(50);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
    // 120 at 50 per second needs at least a third window: more than one second of waiting in all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...waits)).toBeLessThan(50);
  });

  it('serves waiters first come, first served', async () => {
    const limiter = createMemoryRateLimiter();
    const order: number[] = [];
    await Promise.all(Array.from({ length: 9 }, (_, i) => limiter.acquire('ws-fifo', 5).then(() => order.push(i))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps keys apart: a busy key does not delay another', async () => {
    const limiter = createMemoryRateLimiter();
    const busy = Promise.all(Array.from({ length: 12 }, () => limiter.acquire('noisy', 10)));
    const started = Date.now();
    const waited = await limiter.acquire('quiet', 10);
    expect(waited).toBeLessThan(50);
    expect(Date.now() - started).toBeLessThan(100);
    await busy;
  });

  it('counts in aligned seconds of its clock', async () => {
    let t = 5_000_900;
    const limiter = createMemoryRateLimiter({ now: () => t });
    expect(await limiter.acquire('k', 2)).toBe(0);
    expect(await limiter.acquire('k', 2)).toBe(0);
    const third = limiter.acquire('k', 2);
    let done = false;
    void third.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    t = 5_001_000; // the next aligned second begins
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(true);
    expect(await third).toBe(100);
  });
});
