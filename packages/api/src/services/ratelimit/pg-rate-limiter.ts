import { CLOSING_GUARD_MS, type TRateLimiter } from '@uw/clockify';
import { rateWindowQueries, type TDatabase } from '@uw/db';

/** Slots leased per take: a tenth of the limit, 1 to 10 (a process rarely wastes more than that per second). */
export const blockSize = (maxPerSecond: number) => Math.max(1, Math.min(10, Math.floor(maxPerSecond / 10)));

/**
 * The outbound limit shared by every process on one PostgreSQL: a counter per (bucket, aligned second), raised
 * atomically only up to the limit. A process leases a small block of slots at a time and hands them out itself
 * until that second ends, so a busy workspace costs one statement per block, not per call; slots left unused when
 * the second ends are lost, never carried over. A caller that finds the second full waits for the next one, so
 * all processes together never exceed `maxPerSecond` in any aligned second.
 */
export function createSharedRateLimiter(
  db: TDatabase,
  opts: { onWait?: (key: string, ms: number) => void } = {},
): TRateLimiter & { prune(): Promise<number> } {
  const leases = new Map<string, { second: number; left: number }>();
  const takeLocal = (key: string, second: number) => {
    const lease = leases.get(key);
    if (!lease || lease.second !== second || lease.left === 0) return false;
    lease.left--;

    return true;
  };
  const takeBlock = async (key: string, second: number, max: number) => {
    const granted = await rateWindowQueries.takeRateWindowBlock(db, { bucket: key, second, max, want: blockSize(max) });
    if (granted === 0) return false;
    // Slots of a block another caller leased meanwhile for the same second are kept too.
    const lease = leases.get(key);
    const carried = lease?.second === second ? lease.left : 0;
    leases.set(key, { second, left: carried + granted - 1 });

    return true;
  };

  return {
    async acquire(key, maxPerSecond) {
      const started = Date.now();
      for (;;) {
        const now = Date.now();
        const second = Math.floor(now / 1000);
        const isClosing = now - second * 1000 >= 1000 - CLOSING_GUARD_MS;
        if (!isClosing && (takeLocal(key, second) || (await takeBlock(key, second, maxPerSecond)))) {
          const waited = Date.now() - started;
          if (waited > 0) opts.onWait?.(key, waited);

          return waited;
        }
        await new Promise((r) => setTimeout(r, (second + 1) * 1000 - Date.now() + Math.floor(Math.random() * 5)));
      }
    },
    async prune() {
      for (const [key, lease] of leases) if (lease.second < Math.floor(Date.now() / 1000)) leases.delete(key);

      return rateWindowQueries.pruneRateWindows(db, Math.floor(Date.now() / 1000) - 120);
    },
  };
}
