import { Installation, type TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';

export type TInstallationCache = { get(workspaceId: string): Promise<TInstallation | null> };

/**
 * Installations read by the worker for every execution, kept `ttlMs`: changes made in this process
 * (lifecycle, settings, tokens) drop the cache at once, other processes' changes are seen within the TTL.
 */
export function createInstallationCache(deps: TApiDeps, ttlMs = 1_000, max = 10_000): TInstallationCache {
  const entries = new Map<string, { installation: TInstallation | null; at: number }>();
  deps.bus.listen('installation.changed', () => entries.clear());

  return {
    async get(workspaceId) {
      const hit = entries.get(workspaceId);
      if (hit && Date.now() - hit.at < ttlMs) return hit.installation;
      const installation = await deps.db.fork().findOne(Installation, { workspaceId });
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(workspaceId, { installation, at: Date.now() });

      return installation;
    },
  };
}
