import { randomBytes } from 'node:crypto';

import type { TApiDeps } from './deps';
import { createHttpSender } from './outbound';
import { createSandboxedEvaluator, type TSandboxedEvaluator } from './sandbox/sandboxed-evaluator';
import { createBootstrapRunner, type TBootstrapRunner } from './services/bootstrap/start-bootstrap';
import { createClockifyReceiver } from './services/ingest/clockify-receiver';
import { createCommitQueue, type TCommitQueue } from './services/ingest/commit-queue';
import { createCustomReceiver } from './services/ingest/custom-receiver';
import { createFlowIndex, type TFlowIndex } from './services/ingest/flow-index';
import { createRecentLogs, type TRecentLogs } from './services/ingest/recent-logs';
import { createExecutionCaches, type TExecutionCaches } from './services/queue/execution-caches';
import { createFinishQueue, type TFinishQueue } from './services/queue/finish-queue';
import { createClusterNudge } from './services/queue/cluster-nudge';
import { createNudge, type TNudge } from './services/queue/nudge';
import { createInstallationCache, type TInstallationCache } from './services/installations/installation-cache';

/**
 * The long-lived parts the REST adapters, the tRPC router and the worker share, built once per process by
 * `createRuntime` (the composition root of @uw/api) and never changed afterwards.
 */
export type TRuntime = Readonly<{
  deps: TApiDeps;
  flowIndex: TFlowIndex;
  commitQueue: TCommitQueue;
  installations: TInstallationCache;
  /** Log rows that just queued executions, for this process's worker (saves reading them back). */
  recentLogs: TRecentLogs;
  /** Execution outcomes, committed in groups. */
  finishes: TFinishQueue;
  /** Flow definitions and Clockify clients that runs of executions reuse. */
  executionCaches: TExecutionCaches;
  /** JSONata in worker threads (heap cap, hard kill); `check` runs here. */
  evaluator: TSandboxedEvaluator;
  http: ReturnType<typeof createHttpSender>;
  receiveClockify: ReturnType<typeof createClockifyReceiver>;
  receiveCustom: ReturnType<typeof createCustomReceiver>;
  /** Executions were queued in this process: the worker listens (`createWorker`). */
  nudge: TNudge;
  /** This process's bootstrap runs (the INSTALLED hook starts one). */
  bootstraps: TBootstrapRunner;
  /**
   * This process's nonce in `$secret` placeholders (`secretPlaceholder`): a webhook payload cannot know it,
   * so text in a payload that looks like a placeholder is never swapped for a secret.
   */
  secretMarker: string;
  close(): Promise<void>;
}>;

export function createRuntime(deps: TApiDeps): TRuntime {
  // Unique per runtime (two servers in one test process are two processes to each other).
  const origin = `${deps.config.processId}-${randomBytes(4).toString('hex')}`;
  const flowIndex = createFlowIndex(deps.db, {
    onError: (err) => deps.logger.warn({ err }, 'flow index refresh failed'),
    bus: deps.bus,
    origin,
    // Other processes' changes arrive as `flows.changed`; the fingerprint poll is only the safety net then.
    pollMs: deps.signals ? 10_000 : 1_000,
  });
  const recentLogs = createRecentLogs();
  const nudge = deps.signals ? createClusterNudge(deps.signals, { origin, logger: deps.logger }) : createNudge();
  const bootstraps = createBootstrapRunner(deps);
  const commitQueue = createCommitQueue(deps.db, {
    onCommitted: (log) => recentLogs.remember(log),
    onExecutions: () => nudge.notify(),
    onCacheError: (err) => deps.logger.warn({ err }, 'cache update from webhooks failed'),
  });
  const evaluator = createSandboxedEvaluator({
    budgets: { timeLimitMs: 100, maxDepth: 100 },
    onWorkerLost: (reason, detail) => deps.logger.warn({ reason, detail }, 'expression sandbox worker lost; replaced'),
  });

  return {
    deps,
    flowIndex,
    commitQueue,
    installations: createInstallationCache(deps),
    recentLogs,
    finishes: createFinishQueue(deps.db),
    executionCaches: createExecutionCaches(deps),
    // Cooperative budgets (time, depth, steps, sizes; RE2 regexes) inside, a heap cap and a hard kill around.
    evaluator,
    http: createHttpSender({ allowlist: deps.config.httpAllowlist, logger: deps.logger }),
    receiveClockify: createClockifyReceiver(deps, flowIndex, commitQueue),
    receiveCustom: createCustomReceiver(deps, flowIndex, commitQueue),
    nudge,
    bootstraps,
    secretMarker: randomBytes(16).toString('base64url'),
    async close() {
      flowIndex.stop();
      await bootstraps.stop();
      await commitQueue.close();
      await evaluator.close();
      // The listening connection belongs to the process's wiring; it goes with the runtime that listens on it.
      await deps.signals?.close();
    },
  };
}
