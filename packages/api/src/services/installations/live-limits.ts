import { installationQueries, type TDatabase, type TInstallation } from '@uw/db';

import type { TEventBus } from '../events/event-bus';
import type { TSettingsValues } from '../settings/definitions';
import { effectiveSettings } from '../settings/effective-settings';

export type TLiveLimits = {
  /**
   * The workspace's `max_rps`, read at each call: starts from `installation` and follows every later change
   * to it (its settings saved in Clockify, in any process), so a client that lives for minutes (a bootstrap,
   * the webhook registrations) slows down as soon as an admin lowers the limit.
   */
  maxRps(installation: TInstallation): () => number;
};

/**
 * The newest `max_rps` known per workspace, versioned by the installation row's `updatedAt`: an older row
 * (a cached one, a client built before the change) never replaces a newer one. `installation.changed` makes
 * this process read the row again, for the workspaces it has handed a limit out for.
 */
export function createLiveLimits(deps: {
  db: TDatabase;
  bus: TEventBus;
  /** The deps' logger, typed here: `deps.ts` imports this module's type. */
  logger: { warn(obj: unknown, msg?: string): void };
  settingsDefaults: TSettingsValues;
}): TLiveLimits {
  const known = new Map<string, { value: number; version: number }>();
  const learn = (row: TInstallation) => {
    const held = known.get(row.workspaceId);
    if (held && held.version > row.updatedAt) return;
    known.set(row.workspaceId, { value: effectiveSettings(deps.settingsDefaults, row.settings ?? {}).max_rps, version: row.updatedAt });
  };
  deps.bus.listen('installation.changed', (event) => {
    if (!known.has(event.workspaceId)) return;
    installationQueries.findInstallation(deps.db, event.workspaceId).then(
      (row) => row && learn(row),
      (err: Error) =>
        deps.logger.warn({ workspaceId: event.workspaceId, err }, 'could not read a changed max_rps; the previous one applies'),
    );
  });

  return {
    maxRps(installation) {
      learn(installation);

      return () => known.get(installation.workspaceId)!.value;
    },
  };
}
