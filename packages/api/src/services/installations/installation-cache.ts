import { installationQueries, type TInstallation } from '@uw/db';

import type { TApiDeps } from '../../deps';

export type TInstallationScopedCache<V> = {
  /** The cached value for `key`, or `load()`'s (kept unless it is `undefined`, which is asked again next time). */
  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
};

/**
 * Values derived from installations (the rows themselves, webhook credentials), kept `ttlMs` and at most
 * `max` (oldest out): changes made in this process (lifecycle, settings, tokens) drop them at once,
 * other processes' changes are seen within the TTL.
 */
export function createInstallationScopedCache<V>(deps: TApiDeps, ttlMs = 1_000, max = 10_000): TInstallationScopedCache<V> {
  const entries = new Map<string, { value: V; at: number }>();
  // A load that was in flight when a change arrived may have read the row as it was before: its value is
  // returned to its caller but not kept, or it would outlive the change by a whole TTL.
  let generation = 0;
  deps.bus.listen('installation.changed', () => {
    generation++;
    entries.clear();
  });

  return {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const loadedIn = generation;
      const value = await load();
      if (value === undefined || loadedIn !== generation) return value;
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, at: Date.now() });

      return value;
    },
  };
}

export type TInstallationCache = { get(workspaceId: string): Promise<TInstallation | null> };

/**
 * How long the worker trusts a cached installation. Every change to one publishes `installation.changed`, which
 * reaches every process at once (on PostgreSQL through the cluster bus), so this only bounds how stale a process
 * can be if it missed that signal (its listening connection was down): one read per workspace per half minute,
 * instead of one a second, on the execution path.
 */
const WORKER_TTL_MS = 30_000;

/** Installations read by the worker for every execution (a missing one is cached as `null` too). */
export function createInstallationCache(deps: TApiDeps): TInstallationCache {
  const cache = createInstallationScopedCache<TInstallation | null>(deps, WORKER_TTL_MS);

  return {
    get: async (workspaceId) => (await cache.get(workspaceId, () => installationQueries.findInstallation(deps.db, workspaceId))) ?? null,
  };
}
