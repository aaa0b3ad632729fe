import { entityCacheQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { buildBootstrapPlan } from '../bootstrap/build-plan';
import { expandPerParent } from '../bootstrap/expand-per-user';
import { DEFAULT_PAGE_SIZE, fetchPages } from '../bootstrap/fetch-pages';
import { openClient, type TConnection } from '../bootstrap/open-client';
import type { TPlanStep } from '../bootstrap/plan-types';
import { readBootstrapRow } from '../bootstrap/state-store';
import { upsertEntities } from './cache-store';

export type TRefreshResult = { workspaces: number; refreshed: number; removed: number; errors: number };

/** Expired (workspace, entity type) pairs, grouped by workspace. */
async function expiredTypes(runtime: TRuntime, now: number): Promise<Map<string, Set<string>>> {
  const rows = await entityCacheQueries.listExpiredTypes(runtime.deps.db, now);
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.workspaceId, (out.get(r.workspaceId) ?? new Set()).add(r.entityType));

  return out;
}

/**
 * Periodic: for each workspace with expired cache rows, re-fetches the plan's listings of those entity
 * types (whole lists: one request per page, not one per entity) and upserts them, then removes the rows
 * still expired: entities Clockify no longer lists, types the plan no longer covers (settings changed,
 * time entries), and every expired row of a workspace that is no longer active. A type whose
 * listing failed keeps its rows for the next run. Per-parent lists (the tasks of each project) are fetched
 * per cached parent, after the parents' listing. Workspaces with a live bootstrap are left to it.
 */
export async function refreshExpiredCache(
  runtime: TRuntime,
  opts: { now?: number; pageSize?: number; signal?: AbortSignal } = {},
): Promise<TRefreshResult> {
  const { deps } = runtime;
  const now = opts.now ?? Date.now();
  const signal = opts.signal ?? new AbortController().signal;
  const result: TRefreshResult = { workspaces: 0, refreshed: 0, removed: 0, errors: 0 };
  for (const [workspaceId, types] of await expiredTypes(runtime, now)) {
    const state = await readBootstrapRow(deps.db, workspaceId);
    if (state?.status === 'running' && (state.leaseUntil ?? 0) >= Date.now()) continue;
    result.workspaces++;
    const keep = new Set<string>();
    const conn = await openClient(deps, workspaceId).catch(() => null);
    const catalogue = deps.catalogue.get();
    if (conn && catalogue) {
      const listing = { runtime, conn, workspaceId, now, pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE, signal, result, keep };
      const planned = buildBootstrapPlan(catalogue, conn.settings, now).filter((s) => s.included && !s.perUser && types.has(s.entityType));
      for (const s of planned) {
        // After the parents' listing (earlier in the plan): only the parents it still lists are followed.
        for (const step of s.perParent ? await expandPerParent(deps.db, s, { workspaceId, unexpiredAt: now }) : [s])
          await refreshListing(listing, step);
      }
    }
    const remove = [...types].filter((t) => !keep.has(t));
    result.removed += await entityCacheQueries.deleteExpired(deps.db, workspaceId, { entityTypes: remove, now });
  }

  return result;
}

type TListing = {
  runtime: TRuntime;
  conn: TConnection;
  workspaceId: string;
  now: number;
  pageSize: number;
  signal: AbortSignal;
  result: TRefreshResult;
  /** Entity types whose listing failed: their rows stay for the next run. */
  keep: Set<string>;
};

/** Re-fetches one listing, page after page, upserting what it lists; a failure is counted and logged. */
async function refreshListing(l: TListing, step: TPlanStep): Promise<void> {
  const { deps } = l.runtime;
  try {
    await fetchPages(l.conn.client, step, {
      workspaceId: l.workspaceId,
      startPage: 1,
      pageSize: l.pageSize,
      signal: l.signal,
      onPage: async ({ entities }) => {
        l.result.refreshed += await upsertEntities(deps.db, l.workspaceId, { entities, now: l.now, ttlMs: l.conn.ttlMs });
      },
    });
  } catch (err) {
    l.result.errors++;
    l.keep.add(step.entityType);
    deps.logger.warn({ workspaceId: l.workspaceId, operationId: step.operationId, err }, 'cache refresh failed for a listing');
  }
}
