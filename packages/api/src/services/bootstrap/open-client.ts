import type { TClockifyClient } from '@uw/clockify';
import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { DAY_MS } from '../cache/cache-store';
import { clockifyFor } from '../installations/clockify-for';
import { effectiveSettings } from '../settings/effective-settings';
import type { TSettingsValues } from '../settings/definitions';

export type TConnection = { client: TClockifyClient; ttlMs: number; settings: TSettingsValues };

/** The installation's Clockify client (its token, hosts and max_rps), or an error saying why there is none. */
export async function openClient(deps: TApiDeps, workspaceId: string): Promise<TConnection> {
  const installation = await installationQueries.findInstallation(deps.db, workspaceId);
  if (!installation || installation.status !== 'ACTIVE') {
    throw new Error(`the add-on is ${installation ? installation.status.toLowerCase() : 'not installed'} on this workspace`);
  }
  if (!deps.catalogue.get()) throw new Error(`the Clockify API catalogue is not loaded: ${deps.catalogue.error() ?? 'unknown reason'}`);
  const settings = effectiveSettings(deps.config.settingsDefaults, installation.settings);

  return { client: clockifyFor(deps, installation), ttlMs: settings.cache_ttl_days * DAY_MS, settings };
}
