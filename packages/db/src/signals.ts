import pg from 'pg';

import type { TDatabase } from './database';

/** The channels this product uses (PostgreSQL folds unquoted names to lower case). */
export type TSignalChannel = 'uw_bus' | 'uw_nudge';

/**
 * Cross-process signals over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens, notifications go out
 * through the pool. A notification is a hint, never the data itself (a lost one costs latency, not correctness):
 * after the listening connection was lost and made again, `onResync` listeners run so they can catch up.
 */
export type TSignals = {
  notify(channel: TSignalChannel, payload: string): Promise<void>;
  on(channel: TSignalChannel, listener: (payload: string) => void): () => void;
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
};

type TWarn = { warn(o: unknown, m?: string): void };

const RECONNECT_MS = [100, 500, 1_000, 5_000];

export function openSignals(db: TDatabase, url: string, logger: TWarn): TSignals {
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const resync = new Set<() => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'uw-signals' });
    c.on('notification', (n) => {
      for (const listener of listeners.get(n.channel) ?? []) listener(n.payload ?? '');
    });
    c.on('error', (err) => {
      logger.warn({ err }, 'signals: the listening connection failed; reconnecting');
      if (client === c) client = null;
      void c.end().catch(() => undefined);
      scheduleReconnect();
    });
    await c.connect();
    if (closed) {
      await c.end().catch(() => undefined);

      return;
    }
    for (const channel of listeners.keys()) await c.query(`listen ${channel}`);
    client = c;
    attempt = 0;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const wait = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
    setTimeout(() => {
      if (closed || client) return;
      connect().then(
        () => resync.forEach((f) => f()),
        (err: unknown) => {
          logger.warn({ err }, 'signals: reconnecting failed');
          scheduleReconnect();
        },
      );
    }, wait).unref();
  };

  // Never blocks the start: with PostgreSQL down the process must still come up and say so on /ready.
  connect().catch((err: unknown) => {
    logger.warn({ err }, 'signals: the listening connection could not be made yet; retrying');
    scheduleReconnect();
  });

  return {
    async notify(channel, payload) {
      await db.knex().raw('select pg_notify(?, ?)', [channel, payload]);
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        client?.query(`listen ${channel}`).catch((err: unknown) => logger.warn({ err, channel }, 'signals: LISTEN failed'));
      }
      set.add(listener);

      return () => set.delete(listener);
    },
    onResync(listener) {
      resync.add(listener);

      return () => resync.delete(listener);
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      if (c) await endWithin(c, 1_000);
    },
  };
}

/**
 * Ends the listening connection, or drops its socket if the server has not confirmed within `ms`: a `Terminate`
 * sent while a notification is being delivered can go unanswered, and a close must not hang on it.
 */
async function endWithin(c: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const ended = c.end().then(
    () => 'ended' as const,
    () => 'ended' as const,
  );
  if ((await Promise.race([ended, late])) === 'late') {
    (c as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
  clearTimeout(timer);
}
