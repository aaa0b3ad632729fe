import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';

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

/** The local workspace of the development login when no other is configured. */
export const LOCAL_DEV_LOGIN = { workspaceId: 'dev-workspace', userId: 'dev-user' } as const;

/** Says why Clockify calls fail on a workspace installed without a Clockify token (the local development one). */
export const NO_CLOCKIFY_TOKEN =
  'this workspace has no Clockify connection (the local development workspace holds no Clockify token), so Clockify calls are not possible here; `npm run demo` signs in to a simulated Clockify workspace instead';

/**
 * Where the development login signs in: the configured workspace (`UW_DEV_LOGIN_WORKSPACE`, e.g. the demo's simulated
 * one), as its installation's owner, once the add-on is installed there; else the local workspace, created on first use.
 */
export async function devLoginTarget(deps: TApiDeps, configured: string | undefined): Promise<{ workspaceId: string; userId: string }> {
  if (!configured) {
    await ensureDevInstallation(deps, LOCAL_DEV_LOGIN);

    return { ...LOCAL_DEV_LOGIN };
  }
  const installation = await installationQueries.findInstallation(deps.db, configured);
  if (installation?.status !== 'ACTIVE') {
    throw new UserError(
      'WORKSPACE_INACTIVE',
      `the development login's workspace ${configured} (UW_DEV_LOGIN_WORKSPACE) has no active installation yet: install the add-on there first`,
    );
  }

  return { workspaceId: configured, userId: installation.ownerUserId ?? LOCAL_DEV_LOGIN.userId };
}
