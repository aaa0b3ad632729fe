import { installationQueries, subscriptionQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import { repairWebhooks, type TRepairResult } from './webhook-registrations';

type TScope = { workspaceId: string };

/** The caller's installation: status, API hosts, and how many webhook registrations we hold by origin. */
export async function getInstallationStatus(deps: TApiDeps, scope: TScope) {
  const installation = await installationQueries.findInstallation(deps.db, scope.workspaceId);
  if (!installation) throw notFound('installation');
  const subscriptions = await subscriptionQueries.listSubscriptionOrigins(deps.db, scope.workspaceId);

  return {
    workspaceId: installation.workspaceId,
    status: installation.status,
    apiUrl: installation.apiUrl,
    reportsUrl: installation.reportsUrl,
    installedAt: installation.installedAt,
    webhooks: {
      manifest: subscriptions.filter((s) => s.origin === 'manifest').length,
      api: subscriptions.filter((s) => s.origin === 'api').length,
    },
  };
}

/** Repairs the caller's webhook registrations; an uninstalled workspace has none to repair. */
export async function repairCallerWebhooks(deps: TApiDeps, scope: TScope): Promise<TRepairResult> {
  const installation = await installationQueries.findInstallation(deps.db, scope.workspaceId);
  if (!installation || installation.status === 'DELETED') throw notFound('installation');

  return repairWebhooks(deps, installation);
}
