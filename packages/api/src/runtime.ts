import type { TApiDeps } from './deps';
import { createHttpSender } from './outbound';
import { createSandboxedEvaluator, type TSandboxedEvaluator } from './sandbox/sandboxed-evaluator';
import { startBootstrap, stopBootstraps } from './services/bootstrap/start-bootstrap';
import { createClockifyReceiver } from './services/ingest/clockify-receiver';
import { createCommitQueue, type TCommitQueue } from './services/ingest/commit-queue';
import { createCustomReceiver } from './services/ingest/custom-receiver';
import { createFlowIndex, type TFlowIndex } from './services/ingest/flow-index';
import { createRecentLogs, type TRecentLogs } from './services/ingest/recent-logs';
import { createFinishQueue, type TFinishQueue } from './services/queue/finish-queue';
import { createInstallationCache, type TInstallationCache } from './services/installations/installation-cache';

/** The long-lived parts the REST adapters, the tRPC router and the worker share, built once per process. */
export type TRuntime = {
  deps: TApiDeps;
  flowIndex: TFlowIndex;
  commitQueue: TCommitQueue;
  installations: TInstallationCache;
  /** Log rows that just queued executions, for this process's worker (saves reading them back). */
  recentLogs: TRecentLogs;
  /** Execution outcomes, committed in groups. */
  finishes: TFinishQueue;
  /** JSONata in worker threads (heap cap, hard kill); `check` runs here. */
  evaluator: TSandboxedEvaluator;
  http: ReturnType<typeof createHttpSender>;
  receiveClockify: ReturnType<typeof createClockifyReceiver>;
  receiveCustom: ReturnType<typeof createCustomReceiver>;
  hooks: { onInstalled(workspaceId: string): void; onQueued(): void };
  close(): Promise<void>;
};

export function createRuntime(deps: TApiDeps): TRuntime {
  const flowIndex = createFlowIndex(deps.db, {
    onError: (err) => deps.logger.warn({ err: (err as Error).message }, 'flow index refresh failed'),
  });
  const recentLogs = createRecentLogs();
  const commitQueue = createCommitQueue(deps.db, {
    onCommitted: (log) => recentLogs.remember(log),
    onExecutions: () => runtime.hooks.onQueued(),
    onCacheError: (err) => deps.logger.warn({ err: (err as Error).message }, 'cache update from webhooks failed'),
  });
  const runtime: TRuntime = {
    deps,
    flowIndex,
    commitQueue,
    installations: createInstallationCache(deps),
    recentLogs,
    finishes: createFinishQueue(deps.db),
    // Cooperative budgets (time, depth, steps, sizes; RE2 regexes) inside, a heap cap and a hard kill around.
    evaluator: createSandboxedEvaluator({
      budgets: { timeLimitMs: 100, maxDepth: 100 },
      onWorkerLost: (reason, detail) => deps.logger.warn({ reason, detail }, 'expression sandbox worker lost; replaced'),
    }),
    http: createHttpSender({ allowlist: deps.config.httpAllowlist, logger: deps.logger }),
    receiveClockify: createClockifyReceiver(deps, flowIndex, commitQueue),
    receiveCustom: createCustomReceiver(deps, flowIndex, commitQueue),
    hooks: {
      // A new installation caches its workspace (when `run_on_install`); failures are logged, never fatal.
      onInstalled: (workspaceId) =>
        void startBootstrap(runtime, workspaceId, { trigger: 'install' }).catch((err: Error) =>
          deps.logger.warn({ workspaceId, err: err.message }, 'bootstrap did not start'),
        ),
      onQueued: () => undefined,
    },
    async close() {
      flowIndex.stop();
      await stopBootstraps(runtime);
      await commitQueue.close();
      await runtime.evaluator.close();
    },
  };

  return runtime;
}
