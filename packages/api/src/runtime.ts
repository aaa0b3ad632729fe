import type { TApiDeps } from './deps';
import { createClockifyReceiver } from './services/ingest/clockify-receiver';
import { createCommitQueue, type TCommitQueue } from './services/ingest/commit-queue';
import { createCustomReceiver } from './services/ingest/custom-receiver';
import { createFlowIndex, type TFlowIndex } from './services/ingest/flow-index';

/** The long-lived parts the REST adapters and the tRPC router share, built once per process. */
export type TRuntime = {
  deps: TApiDeps;
  flowIndex: TFlowIndex;
  commitQueue: TCommitQueue;
  receiveClockify: ReturnType<typeof createClockifyReceiver>;
  receiveCustom: ReturnType<typeof createCustomReceiver>;
  hooks: { onInstalled(workspaceId: string): void };
  close(): Promise<void>;
};

export function createRuntime(deps: TApiDeps): TRuntime {
  const flowIndex = createFlowIndex(deps.db, { onError: (err) => deps.logger.warn({ err: (err as Error).message }, 'flow index refresh failed') });
  const commitQueue = createCommitQueue(deps.db);
  const runtime: TRuntime = {
    deps,
    flowIndex,
    commitQueue,
    receiveClockify: createClockifyReceiver(deps, flowIndex, commitQueue),
    receiveCustom: createCustomReceiver(deps, flowIndex, commitQueue),
    hooks: { onInstalled: () => undefined },
    async close() {
      flowIndex.stop();
      await commitQueue.close();
    },
  };

  return runtime;
}
