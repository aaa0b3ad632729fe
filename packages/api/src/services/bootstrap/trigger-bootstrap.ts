import type { TApiDeps } from '../../deps';
import { getBootstrapStatus } from './bootstrap-status';
import type { TBootstrapRunner } from './start-bootstrap';

/** What a manual bootstrap needs: the database and this process's bootstrap runner. The runtime is one. */
export type TBootstrapHost = { deps: TApiDeps; bootstraps: Pick<TBootstrapRunner, 'start'> };

/** Starts (or resumes, unless `restart`) the workspace's bootstrap; `started: false` with the reason when it cannot. */
export async function triggerBootstrap(host: TBootstrapHost, workspaceId: string, input: { restart?: boolean } | undefined) {
  const result = await host.bootstraps.start(workspaceId, { restart: input?.restart === true, trigger: 'manual' });

  return {
    started: result.started,
    resumed: result.resumed,
    reason: result.reason,
    status: await getBootstrapStatus(host.deps, workspaceId),
  };
}
