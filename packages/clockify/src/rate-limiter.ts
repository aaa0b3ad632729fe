/** Waits until a call for `key` may go out; resolves with the milliseconds waited. Never fails for being busy. */
export type TRateLimiter = { acquire(key: string, maxPerSecond: number): Promise<number> };

type TWaiter = { max: number; since: number; resolve: (waitedMs: number) => void };

/**
 * No permit is granted in the last milliseconds of a second: a request granted then would reach Clockify
 * in the next second and be counted there, on top of that second's full quota.
 */
export const CLOSING_GUARD_MS = 25;
type TBucket = { window: number; used: number; queue: TWaiter[]; timer?: ReturnType<typeof setTimeout> };

export type TMemoryRateLimiterOptions = { now?: () => number };

/**
 * In-process limiter: per key, at most `maxPerSecond` acquisitions in each aligned wall-clock second
 * ([k·1000, (k+1)·1000) ms). Callers beyond that wait, first come first served, for the next second.
 * One process only; the PostgreSQL limiter in `@uw/api` gives the same guarantee across processes.
 */
export function createMemoryRateLimiter(opts: TMemoryRateLimiterOptions = {}): TRateLimiter {
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, TBucket>();

  const pump = (key: string, bucket: TBucket) => {
    const t = now();
    const window = Math.floor(t / 1000) * 1000;
    if (window !== bucket.window) {
      bucket.window = window;
      bucket.used = 0;
    }
    const isClosing = t - window >= 1000 - CLOSING_GUARD_MS;
    while (!isClosing && bucket.queue.length > 0 && bucket.used < bucket.queue[0]!.max) {
      const waiter = bucket.queue.shift()!;
      bucket.used++;
      waiter.resolve(t - waiter.since);
    }
    if (bucket.queue.length > 0 && !bucket.timer) {
      bucket.timer = setTimeout(
        () => {
          bucket.timer = undefined;
          pump(key, bucket);
        },
        Math.max(1, window + 1000 - t),
      );
    }
  };

  const sweep = () => {
    const window = Math.floor(now() / 1000) * 1000;
    for (const [key, bucket] of buckets) {
      if (bucket.queue.length === 0 && bucket.window < window) buckets.delete(key);
    }
  };

  return {
    acquire(key, maxPerSecond) {
      const max = Math.max(1, Math.floor(Number.isFinite(maxPerSecond) ? maxPerSecond : 1));
      if (buckets.size > 1000) sweep();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { window: -1, used: 0, queue: [] };
        buckets.set(key, bucket);
      }

      return new Promise<number>((resolve) => {
        bucket.queue.push({ max, since: now(), resolve });
        pump(key, bucket);
      });
    },
  };
}
