import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';

/**
 * The development login's workspace: an ACTIVE installation without a Clockify token (explorer calls need a
 * real or simulated install), created on first use and left as it is afterwards.
 */
export async function ensureDevInstallation(deps: TApiDeps, ids: { workspaceId: string; userId: string }): Promise<void> {
  const now = Date.now();
  await installationQueries.insertInstallationIfMissing(deps.db, {
    workspaceId: ids.workspaceId,
    addonId: 'dev-addon',
    status: 'ACTIVE',
    tokenCipher: null,
    apiUrl: 'http://127.0.0.1:0/api',
    reportsUrl: 'http://127.0.0.1:0/reports',
    ownerUserId: ids.userId,
    settings: {},
    installedAt: now,
    updatedAt: now,
    uninstalledAt: null,
  });
}
