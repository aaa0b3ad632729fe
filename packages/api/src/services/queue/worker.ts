import { executionLeaseQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { startHeartbeat, type THeartbeat } from '../leases/lease';
import type { TClaimed } from './claim';
import { runExecution } from './run-execution';

export type TWorkerOptions = { concurrency: number; leaseMs?: number; pollMs?: number; perWorkspace?: number };

/**
 * Claims executions with a lease and runs them, up to `concurrency` at once. A heartbeat extends the
 * leases it holds; a lease it lost (another worker took the execution after expiry) stops being extended
 * and that run's late writes are refused by the fencing token. Stop finishes in-flight runs.
 */
export function createWorker(runtime: TRuntime, opts: TWorkerOptions) {
  const { deps } = runtime;
  const leaseMs = opts.leaseMs ?? 30_000;
  const pollMs = opts.pollMs ?? 200;
  const claimBatch = Math.max(1, Math.floor(opts.concurrency / 4));
  const inflight = new Map<string, { claimed: TClaimed; done: Promise<void> }>();
  let stopped = true;
  let wake: (() => void) | null = null;
  let loop: Promise<void> = Promise.resolve();
  let beat: THeartbeat | null = null;
  let unlisten: (() => void) | null = null;

  // A stop that came while the loop was claiming must not leave it asleep for a whole poll.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  const tick = async (): Promise<number> => {
    const free = opts.concurrency - inflight.size;
    if (free <= 0) return 0;
    const claimed = await executionLeaseQueries.claimExecutions(deps.db, {
      owner: deps.config.processId,
      limit: free,
      leaseMs,
      perWorkspace: opts.perWorkspace ?? Math.max(1, Math.ceil(opts.concurrency / 2)),
    });
    for (const c of claimed) {
      const done = runExecution(runtime, c)
        .catch((err: unknown) => deps.logger.error({ executionId: c.id, err }, 'execution run crashed'))
        .finally(() => {
          inflight.delete(c.id);
          // Claim in groups: wake the loop when a quarter of the slots are free, not for every single one
          // (each claim is a few queries); an idle worker has every slot free and wakes at once.
          if (opts.concurrency - inflight.size >= claimBatch) wake?.();
        });
      inflight.set(c.id, { claimed: c, done });
    }

    return claimed.length;
  };

  const run = async () => {
    while (!stopped) {
      let n = 0;
      try {
        n = await tick();
      } catch (err) {
        deps.logger.warn({ err }, 'claiming executions failed; retrying');
      }
      if (n === 0 || inflight.size >= opts.concurrency) await sleep(n === 0 ? pollMs : 50);
    }
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // Executions queued in this process (webhooks, retries) wake the loop early instead of at its next poll.
      unlisten = runtime.nudge.listen(() => {
        if (opts.concurrency - inflight.size >= claimBatch) wake?.();
      });
      loop = run();
      beat = startHeartbeat({
        leaseMs,
        minIntervalMs: 500,
        // Leases lost meanwhile are simply not extended: their runs' late writes are refused by the fencing token.
        extend: async () => {
          const held = [...inflight.values()].map((f) => f.claimed);
          await executionLeaseQueries.renewExecutionLeases(deps.db, { held, leaseMs });

          return true;
        },
      });
    },
    async stop() {
      stopped = true;
      unlisten?.();
      wake?.();
      await loop;
      await Promise.all([...inflight.values()].map((f) => f.done));
      beat?.stop();
    },
    inflight: () => inflight.size,
  };
}
