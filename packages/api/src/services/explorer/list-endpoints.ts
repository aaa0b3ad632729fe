import type { TOperation } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { catalogueReason } from './catalogue-access';
import { destructiveReason } from './destructive';
import type { TEndpointsRequest, TEndpointsResponse } from './explorer.types';

function matches(op: TOperation, filter: TEndpointsRequest): boolean {
  if (filter.tag && op.tag !== filter.tag) {
    return false;
  }
  if (filter.method && op.method !== filter.method) {
    return false;
  }
  const needle = filter.search?.toLowerCase();
  if (!needle) {
    return true;
  }

  return [op.operationId, op.summary, op.path].some((text) => text.toLowerCase().includes(needle));
}

export const toEndpointSummary = (op: TOperation) => ({
  operationId: op.operationId,
  method: op.method,
  path: op.path,
  summary: op.summary,
  deprecated: op.deprecated,
  host: op.host,
  destructive: destructiveReason(op) !== null,
});

/** Clockify's operations grouped by tag (the document's order), filtered by tag, method and search text. */
export function listEndpoints(deps: TApiDeps, filter: TEndpointsRequest): TEndpointsResponse {
  const catalogue = deps.catalogue.get();
  if (!catalogue) {
    return { available: false, reason: catalogueReason(deps), total: 0, tags: [] };
  }
  const found = catalogue.operations.filter((op) => matches(op, filter));
  const tags = catalogue.tags
    .map(({ name }) => {
      const operations = found.filter((op) => op.tag === name).map(toEndpointSummary);

      return { name, count: operations.length, operations };
    })
    .filter((tag) => tag.count > 0);

  return { available: true, total: found.length, tags };
}
