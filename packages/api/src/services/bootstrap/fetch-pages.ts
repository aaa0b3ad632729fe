import type { TClockifyClient } from '@uw/clockify';

import { entitiesOf, type TEntityOfPage } from '../cache/items-of';
import type { TPlanStep } from './plan-types';

export const DEFAULT_PAGE_SIZE = 200;
/** Safety stop for a server that ignores `page` and never says Last-Page. */
const MAX_PAGES = 10_000;

export type TPage = { page: number; entities: TEntityOfPage[]; last: boolean };
export type TFetchOptions = {
  workspaceId: string;
  startPage: number;
  pageSize: number;
  signal: AbortSignal;
  onPage: (page: TPage) => Promise<void>;
};

function pathOf(step: TPlanStep, workspaceId: string): Record<string, string> {
  return step.path.includes('{workspaceId}') ? { workspaceId, ...step.pathParams } : { ...step.pathParams };
}

/**
 * Fetches one plan step from `startPage` on, page after page, through the client (rate limit, retries,
 * breaker), handing each page's entities to `onPage` before asking for the next. A step that does not
 * page is one call. Paging ends at `Last-Page: true`, an empty page, or (without the header) a short page.
 */
export async function fetchPages(client: TClockifyClient, step: TPlanStep, opts: TFetchOptions): Promise<void> {
  const size = Math.max(1, Math.min(opts.pageSize, step.maxPageSize ?? Number.POSITIVE_INFINITY));
  const ctx = { path: step.path, entityType: step.entityType, workspaceId: opts.workspaceId };
  let previousFirst: string | undefined;
  for (let page = Math.max(1, opts.startPage); page <= MAX_PAGES; page++) {
    opts.signal.throwIfAborted();
    const query = { ...step.query, ...(step.pageSizeParam ? { page, [step.pageSizeParam]: size } : {}) };
    const response = await client.execute(step.operationId, { path: pathOf(step, opts.workspaceId), query }, { signal: opts.signal });
    const { items, entities } = entitiesOf(response.body, ctx);
    const first = entities[0]?.entityId;
    // A server that ignores `page` answers the same page forever: stop when a page repeats.
    const repeated = page > opts.startPage && first !== undefined && first === previousFirst;
    previousFirst = first;
    const header = response.headers['last-page']?.trim().toLowerCase();
    // Last-Page wins when Clockify sends it (a page may be short because of a lower server cap).
    const last = !step.pageSizeParam || repeated || items === 0 || (header === undefined ? items < size : header === 'true');
    await opts.onPage({ page, entities: repeated ? [] : entities, last });
    if (last) return;
  }
}
