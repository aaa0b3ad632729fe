import { Counter, Gauge, type Registry } from 'prom-client';

import { metricsQueries, type TDatabase } from '@uw/db';

type TDbReadings = metricsQueries.TQueueGaugeCounts;

/** How long one round of database counts serves scrapes: a scrape storm costs the database one round per window. */
export const DB_GAUGES_TTL_MS = 10_000;

/**
 * The gauges read from the database (queue depth and age, bootstrap progress). One round of queries serves
 * every scrape within `ttlMs` (concurrent scrapes share it); `uw_metrics_db_reads_total` counts the rounds.
 * A failed round is not kept, so the next scrape tries again.
 */
export function registerDbGauges(registry: Registry, db: TDatabase, ttlMs = DB_GAUGES_TTL_MS) {
  const rounds = new Counter({
    name: 'uw_metrics_db_reads_total',
    help: 'Rounds of database counts behind /metrics',
    registers: [registry],
  });
  let cached: { at: number; readings: Promise<TDbReadings> } | null = null;
  const readings = () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.readings;
    rounds.inc();
    const round = { at: Date.now(), readings: metricsQueries.readGaugeCounts(db) };
    round.readings.catch(() => {
      if (cached === round) cached = null;
    });
    cached = round;

    return round.readings;
  };
  const gauge = (meta: { name: string; help: string; labelNames?: string[] }, read: (r: TDbReadings, g: Gauge) => void) =>
    new Gauge({
      ...meta,
      labelNames: meta.labelNames ?? [],
      registers: [registry],
      async collect() {
        read(await readings(), this);
      },
    });
  gauge({ name: 'uw_queue_depth', help: 'Queued executions' }, (r, g) => g.set(r.queued));
  gauge({ name: 'uw_queue_oldest_age_seconds', help: 'Age of the oldest queued execution' }, (r, g) =>
    g.set(r.oldestQueuedAt === null ? 0 : (Date.now() - r.oldestQueuedAt) / 1000),
  );
  const bootstrapHelp = 'Bootstrap operations done and total, summed over running bootstraps';
  gauge({ name: 'uw_bootstrap_operations', help: bootstrapHelp, labelNames: ['kind'] }, (r, g) => {
    g.set({ kind: 'done' }, r.bootstrapDone);
    g.set({ kind: 'total' }, r.bootstrapTotal);
  });
}
