import type { TDatabase } from '@uw/db';

const T = 'universal_webhook_job_lock';

/**
 * Periodic jobs run once per period across all processes: a process may run job `name` only if it moves
 * the row's `locked_until` forward from a time already past. The update is atomic, so one process wins.
 */
export async function tryAcquireJob(db: TDatabase, name: string, owner: string, periodMs: number, now = Date.now()): Promise<boolean> {
  const knex = db.knex();
  await knex(T).insert({ name, owner: null, locked_until: 0, last_run_at: null }).onConflict('name').ignore();
  const n = await knex(T)
    .where('name', name)
    .andWhere('locked_until', '<=', now)
    .update({ owner, locked_until: now + periodMs, last_run_at: now });

  return n === 1;
}

export type TPeriodicJob = { name: string; periodMs: number; run: () => Promise<unknown> };
type TLog = { info(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/** Checks every `tickMs` whether each job is due and this process won it; runs the winners one by one. */
export function createScheduler(db: TDatabase, owner: string, jobs: TPeriodicJob[], logger: TLog, tickMs = 5_000) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const job of jobs) {
      try {
        if (!(await tryAcquireJob(db, job.name, owner, job.periodMs))) continue;
        const result = await job.run();
        logger.info({ job: job.name, result }, 'periodic job ran');
      } catch (err) {
        logger.warn({ job: job.name, err: (err as Error).message }, 'periodic job failed');
      }
    }
  };

  return {
    start() {
      timer ??= setInterval(() => {
        running = running.then(tick);
      }, tickMs);
      timer.unref();
      running = running.then(tick);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
