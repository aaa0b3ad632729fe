import type { TDatabase } from '@uw/db';

export type TReadiness = {
  check(): Promise<{ ok: boolean; reason?: string }>;
  /** Applies pending migrations, retrying while the database is unreachable. Resolves when current. */
  migrateUntilReady(signal: AbortSignal): Promise<void>;
};

type TLog = { info(o: unknown, m?: string): void; error(o: unknown, m?: string): void };

/**
 * Readiness = the database answers and no migration is pending. A database that is down at start is
 * retried in the background (no crash loop); /ready says why it is not ready meanwhile.
 */
export function createReadiness(db: TDatabase, logger: TLog, retryMs = 5_000): TReadiness {
  let migrated = false;
  let lastError: string | null = 'migrations not applied yet';

  const tryMigrate = async () => {
    try {
      const applied = await db.migrate();
      migrated = true;
      lastError = null;
      if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    } catch (err) {
      lastError = `database unavailable: ${(err as Error).message}`;
      logger.error({ err }, 'database not ready; retrying');
    }
  };

  return {
    async check() {
      if (!migrated) {
        return { ok: false, reason: lastError ?? 'migrations pending' };
      }
      try {
        await withTimeout(db.ping(), 2_000);

        return { ok: true };
      } catch (err) {
        return { ok: false, reason: `database unreachable: ${(err as Error).message}` };
      }
    },
    async migrateUntilReady(signal) {
      while (!signal.aborted) {
        await tryMigrate();
        if (migrated) return;
        await new Promise((r) => setTimeout(r, retryMs).unref());
      }
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}
