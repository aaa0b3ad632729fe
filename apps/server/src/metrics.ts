import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import { safeEqual, type TMetrics } from '@uw/api';
import type { TDatabase } from '@uw/db';

import { registerDbGauges } from './metrics-db-gauges';

/** Prometheus metrics: the service hooks plus gauges read from the database (at most once per 10 s). */
export function createMetrics(db: TDatabase) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const webhooks = new Counter({
    name: 'uw_webhooks_total',
    help: 'Webhooks received by source and outcome',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });
  const ingest = new Histogram({
    name: 'uw_ingest_seconds',
    help: 'Time from request to durable acknowledgement',
    labelNames: ['source'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const executions = new Counter({
    name: 'uw_executions_total',
    help: 'Finished executions by outcome: succeeded (acted), filtered (its conditions stopped it), failed',
    labelNames: ['outcome'],
    registers: [registry],
  });
  // Every outcome is listed from the start (at 0), so a dashboard's query finds `filtered` before the first one.
  for (const outcome of ['succeeded', 'filtered', 'failed']) executions.inc({ outcome }, 0);
  const steps = new Histogram({
    name: 'uw_step_seconds',
    help: 'Step latency by kind and status',
    labelNames: ['kind', 'status'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const outbound = new Counter({
    name: 'uw_outbound_calls_total',
    help: 'Outbound calls by target and status',
    labelNames: ['target', 'status'],
    registers: [registry],
  });
  const waits = new Histogram({
    name: 'uw_rate_limit_wait_seconds',
    help: 'Time spent waiting for the per-workspace rate limit',
    buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'uw_step_retries_total',
    help: 'Step attempts rescheduled after a transient failure',
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'uw_webhook_refusals_total',
    help: 'Webhooks refused before any workspace was verified (not stored), by source and reason',
    labelNames: ['source', 'reason'],
    registers: [registry],
  });
  registerDbGauges(registry, db);

  const hooks: TMetrics = {
    webhookReceived: (source, outcome, seconds) => {
      webhooks.inc({ source, outcome });
      ingest.observe({ source }, seconds);
    },
    webhookRefused: (source, reason) => refusals.inc({ source, reason }),
    executionFinished: (outcome) => executions.inc({ outcome }),
    stepFinished: (kind, status, seconds) => steps.observe({ kind, status }, seconds),
    outboundCall: (target, status) => outbound.inc({ target, status: String(status) }),
    rateLimitWait: (seconds) => waits.observe(seconds),
    stepRetried: () => retries.inc(),
  };

  const handler =
    (token?: string): RequestHandler =>
    async (req, res) => {
      if (token && !safeEqual(req.headers.authorization ?? '', `Bearer ${token}`)) {
        res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'metrics need Authorization: Bearer <UW_METRICS_TOKEN>' } });

        return;
      }
      res.setHeader('Content-Type', registry.contentType);
      res.send(await registry.metrics());
    };

  return { registry, hooks, handler };
}
