import { CLOSING_GUARD_MS, type TRateLimiter } from '@uw/clockify';
import type { TDatabase } from '@uw/db';

const T = 'universal_webhook_rate_window';

/**
 * The outbound limit shared by every process on one PostgreSQL: a counter per (bucket, aligned second),
 * incremented atomically only while below the limit. A caller that finds the second full waits for the
 * next one, so all processes together never exceed `maxPerSecond` in any aligned second.
 */
export function createSharedRateLimiter(
  db: TDatabase,
  opts: { onWait?: (key: string, ms: number) => void } = {},
): TRateLimiter & { prune(): Promise<number> } {
  const take = async (key: string, second: number, max: number): Promise<boolean> => {
    const rows = await db.knex().raw(
      `insert into ${T} (bucket, second, count) values (?, ?, 1)
         on conflict (bucket, second) do update set count = ${T}.count + 1 where ${T}.count < ?
         returning count`,
      [key, second, max],
    );
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;

    return list.length > 0;
  };

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
      return db
        .knex()(T)
        .where('second', '<', Math.floor(Date.now() / 1000) - 120)
        .delete();
    },
  };
}
