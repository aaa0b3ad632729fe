import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { readBootstrapRow } from '../bootstrap/state-store';
import { countCache } from '../cache/cache-store';
import { webhookStats } from '../webhooks/stats';
import type { TDashboard } from './dashboard.types';
import { countSubscriptions, executionOutcomes, recentFailures } from './dashboard-queries';

async function installationOf(deps: TApiDeps, workspaceId: string) {
  const row = await installationQueries.findInstallation(deps.db, workspaceId);
  if (!row) {
    return null;
  }

  return {
    status: row.status,
    active: row.status === 'ACTIVE',
    connected: row.status === 'ACTIVE' && row.tokenCipher !== null,
    installedAt: row.installedAt,
    updatedAt: row.updatedAt,
    uninstalledAt: row.uninstalledAt ?? null,
  };
}

async function bootstrapOf(deps: TApiDeps, workspaceId: string) {
  const row = await readBootstrapRow(deps.db, workspaceId);
  if (!row) {
    return null;
  }

  return {
    status: row.status,
    opsDone: row.opsDone,
    opsTotal: row.opsTotal,
    pages: row.pages,
    entities: row.entities,
    errors: row.errors.length,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  };
}

/** Everything the dashboard shows for one workspace, read in parallel. */
export async function getDashboard(deps: TApiDeps, workspaceId: string): Promise<TDashboard> {
  const [installation, subscriptions, webhooks, executions, failures, cache, bootstrap] = await Promise.all([
    installationOf(deps, workspaceId),
    countSubscriptions(deps.db, workspaceId),
    webhookStats(deps.db, workspaceId, 24),
    executionOutcomes(deps.db, workspaceId, 24),
    recentFailures(deps.db, workspaceId, 10),
    countCache(deps.db, workspaceId),
    bootstrapOf(deps, workspaceId),
  ]);

  return {
    workspaceId,
    installation,
    subscriptions,
    webhooks,
    executions: { ...executions, recentFailures: failures },
    cache,
    bootstrap,
    catalogue: { available: deps.catalogue.get() !== null },
  };
}
