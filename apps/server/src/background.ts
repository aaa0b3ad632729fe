import {
  createScheduler,
  createWorker,
  refreshExpiredCache,
  repairAllWebhooks,
  resumeBootstraps,
  runRetention,
  type TPeriodicJob,
  type TRuntime,
} from '@uw/api';

import type { TEnv } from './env';
import type { TBackground } from './process';

const MINUTE = 60_000;

/** What runs beside the HTTP server in this process: the execution worker and the periodic jobs. */
export function createBackground(env: TEnv, runtime: TRuntime, extraJobs: TPeriodicJob[] = []): TBackground[] {
  if (env.UW_ROLE === 'web') return [];
  const { deps } = runtime;
  const worker = createWorker(runtime, { concurrency: env.UW_WORKER_CONCURRENCY });
  runtime.hooks.onQueued = () => worker.nudge();
  const jobs: TPeriodicJob[] = [
    { name: 'retention', periodMs: 60 * MINUTE, run: () => runRetention(deps.db, deps.config.settingsDefaults) },
    { name: 'webhook-repair', periodMs: 24 * 60 * MINUTE, run: () => repairAllWebhooks(deps) },
    { name: 'bootstrap-resume', periodMs: MINUTE / 2, run: () => resumeBootstraps(runtime) },
    { name: 'cache-refresh', periodMs: 10 * MINUTE, run: () => refreshExpiredCache(runtime) },
    ...extraJobs,
  ];
  const limiter = deps.rateLimiter as { prune?: () => Promise<number> };
  if (limiter.prune) jobs.push({ name: 'rate-window-prune', periodMs: MINUTE, run: () => limiter.prune!() });
  const scheduler = createScheduler(deps.db, deps.config.processId, jobs, deps.logger);

  return [worker, scheduler];
}
