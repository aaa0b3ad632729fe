import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import { describeSettings } from './effective-settings';

/** The caller's effective settings, each with its origin (saved in Clockify, or the environment's default). */
export async function getWorkspaceSettings(deps: TApiDeps, scope: { workspaceId: string }) {
  const installation = await installationQueries.findInstallation(deps.db, scope.workspaceId);
  if (!installation) throw notFound('installation');

  return {
    workspaceId: installation.workspaceId,
    status: installation.status,
    settings: describeSettings(deps.config.settingsDefaults, installation.settings),
  };
}
