import { CLOSING_GUARD_MS, type TRateLimiter } from '@uw/clockify';
import { rateWindowQueries, type TDatabase } from '@uw/db';

/**
 * The outbound limit shared by every process on one PostgreSQL: a counter per (bucket, aligned second),
 * incremented atomically only while below the limit. A caller that finds the second full waits for the
 * next one, so all processes together never exceed `maxPerSecond` in any aligned second.
 */
export function createSharedRateLimiter(
  db: TDatabase,
  opts: { onWait?: (key: string, ms: number) => void } = {},
): TRateLimiter & { prune(): Promise<number> } {
  const take = (bucket: string, second: number, max: number) => rateWindowQueries.takeRateWindowSlot(db, { bucket, second, max });

  return {
    async acquire(key, maxPerSecond) {
      const started = Date.now();
      for (;;) {
        const now = Date.now();
        const second = Math.floor(now / 1000);
        const isClosing = now - second * 1000 >= 1000 - CLOSING_GUARD_MS;
        if (!isClosing && (await take(key, second, maxPerSecond))) {
          const waited = Date.now() - started;
          if (waited > 0) opts.onWait?.(key, waited);

          return waited;
        }
        await new Promise((r) => setTimeout(r, (second + 1) * 1000 - Date.now() + Math.floor(Math.random() * 5)));
      }
    },
    async prune() {
      return rateWindowQueries.pruneRateWindows(db, Math.floor(Date.now() / 1000) - 120);
    },
  };
}
