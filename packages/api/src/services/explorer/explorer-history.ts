import { explorerHistoryQueries, newId, type TExplorerHistory } from '@uw/db';
import { clockifyCurl } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import type { TCaller } from '../auth/caller';
import type { THistoryRequest, THistoryResponse } from './explorer.types';

/** Whose history a row is: the Clockify (or dev) user, or all service keys of the workspace together. */
export const historyOwner = (caller: TCaller) => caller.userId ?? `service:${caller.via}`;

export type TExplorerRun = {
  operationId: string;
  method: string;
  url: string;
  /** `{ path, query, body? }`, or `bodyPreview` + `bodyTruncated` past 64 KB. */
  request: Record<string, unknown>;
  status: number;
  latencyMs: number;
  response: unknown;
};

/** Stores one run (already scrubbed and bounded by the caller); returns its id. */
export async function recordRun(deps: TApiDeps, caller: TCaller, run: TExplorerRun): Promise<string> {
  const id = newId();
  await explorerHistoryQueries.insertRun(deps.db, {
    id,
    workspaceId: caller.workspaceId,
    userId: historyOwner(caller),
    operationId: run.operationId,
    method: run.method,
    url: run.url.slice(0, 2048),
    request: run.request,
    status: run.status,
    latencyMs: Math.round(run.latencyMs),
    response: run.response as object,
    createdAt: Date.now(),
  });

  return id;
}

const bodyOf = (request: Record<string, unknown>) => ('body' in request ? request.body : request.bodyPreview);

function toItem(row: TExplorerHistory) {
  return {
    id: row.id,
    operationId: row.operationId,
    method: row.method,
    url: row.url,
    request: row.request,
    status: row.status,
    latencyMs: row.latencyMs,
    response: row.response,
    createdAt: row.createdAt,
    curl: clockifyCurl({ method: row.method, url: row.url, body: bodyOf(row.request) }),
  };
}

/** The caller's own runs in their workspace, newest first, paged by id. */
export async function listHistory(deps: TApiDeps, caller: TCaller, input: THistoryRequest): Promise<THistoryResponse> {
  const rows = await explorerHistoryQueries.listRuns(deps.db, caller.workspaceId, {
    userId: historyOwner(caller),
    before: input.cursor,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(toItem);

  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}
