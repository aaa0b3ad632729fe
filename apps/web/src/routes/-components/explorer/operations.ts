import type { TEndpoints, TOperationSummary } from '../../../trpc/types';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The server groups operations by tag; the UI filters one flat list (no round trip per keystroke). */
export function flattenEndpoints(endpoints: TEndpoints): TOperationSummary[] {
  return endpoints.tags.flatMap((t) => t.operations.map((op) => ({ ...op, tag: t.name })));
}

export type TOperationFilter = { q?: string; method?: string; tag?: string };

/** Case-insensitive search over id, path, summary and tag; method and tag filters are exact. */
export function filterOperations(ops: readonly TOperationSummary[], f: TOperationFilter): TOperationSummary[] {
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const method = f.method?.toUpperCase();

  return ops.filter((op) => {
    if (method && op.method.toUpperCase() !== method) return false;
    if (f.tag && op.tag !== f.tag) return false;
    const haystack = `${op.operationId} ${op.path} ${op.summary} ${op.tag}`.toLowerCase();

    return words.every((w) => haystack.includes(w));
  });
}

export type TTagGroup = { tag: string; operations: TOperationSummary[]; total: number };

/** Groups by tag (alphabetical), keeping each tag's total so "3 of 12" can be shown while filtering. */
export function groupByTag(filtered: readonly TOperationSummary[], all: readonly TOperationSummary[]): TTagGroup[] {
  const totals = new Map<string, number>();
  for (const op of all) totals.set(op.tag, (totals.get(op.tag) ?? 0) + 1);
  const groups = new Map<string, TOperationSummary[]>();
  for (const op of filtered) groups.set(op.tag, [...(groups.get(op.tag) ?? []), op]);

  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, operations]) => ({ tag, operations, total: totals.get(tag) ?? operations.length }));
}

/** DELETE gets the red button; which calls need a confirmation is the server's call (`destructiveReason`). */
export function isDelete(method: string): boolean {
  return method.toUpperCase() === 'DELETE';
}
