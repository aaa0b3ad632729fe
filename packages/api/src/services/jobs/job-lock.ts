import { jobLockQueries, type TDatabase } from '@uw/db';

import { createTicker } from './ticker';

/** Whether this process won job `name` for the period: see `jobLockQueries.tryAcquireJobLock`. */
export const tryAcquireJob = jobLockQueries.tryAcquireJobLock;

export type TPeriodicJob = { name: string; periodMs: number; run: () => Promise<unknown> };
type TLog = { info(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/** Checks every `tickMs` whether each job is due and this process won it; runs the winners one by one. */
export function createScheduler(opts: { db: TDatabase; owner: string; jobs: TPeriodicJob[]; logger: TLog; tickMs?: number }) {
  const { db, owner, jobs, logger, tickMs = 5_000 } = opts;
  const tick = async () => {
    for (const job of jobs) {
      try {
        if (!(await tryAcquireJob(db, { name: job.name, owner, periodMs: job.periodMs }))) continue;
        const result = await job.run();
        logger.info({ job: job.name, result }, 'periodic job ran');
      } catch (err) {
        logger.warn({ job: job.name, err }, 'periodic job failed');
      }
    }
  };

  return createTicker(tick, tickMs);
}
