import {
  createFlowScheduler,
  createScheduler,
  createWorker,
  refreshExpiredCache,
  repairAllWebhooks,
  runRetention,
  type TPeriodicJob,
} from '@uw/api';

import type { TServerDeps } from './deps';
import type { TEnv } from './env';
import type { TBackground } from './process';

const MINUTE = 60_000;

/**
 * What runs beside the HTTP server in this process: the execution worker (it listens to the runtime's
 * nudge itself), the flow scheduler (schedule triggers; every worker process checks, each tick fires once)
 * and the periodic jobs, the deps' own upkeep among them.
 */
export function createBackground(env: TEnv, deps: TServerDeps, extraJobs: TPeriodicJob[] = []): TBackground[] {
  if (env.UW_ROLE === 'web') return [];
  const { runtime, api } = deps;
  const worker = createWorker(runtime, { concurrency: env.UW_WORKER_CONCURRENCY });
  const jobs: TPeriodicJob[] = [
    { name: 'retention', periodMs: 60 * MINUTE, run: () => runRetention(api.db, api.config.settingsDefaults) },
    { name: 'webhook-repair', periodMs: 24 * 60 * MINUTE, run: () => repairAllWebhooks(api) },
    { name: 'bootstrap-resume', periodMs: MINUTE / 2, run: () => runtime.bootstraps.resume() },
    { name: 'cache-refresh', periodMs: 10 * MINUTE, run: () => refreshExpiredCache(runtime) },
    ...deps.upkeep,
    ...extraJobs,
  ];
  const scheduler = createScheduler({ db: api.db, owner: api.config.processId, jobs, logger: api.logger });

  return [worker, createFlowScheduler(runtime), scheduler];
}
