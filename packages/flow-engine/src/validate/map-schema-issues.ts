import type { TFlowIssue } from './flow-issue';

type TZodIssue = { path: readonly PropertyKey[]; message: string };

function idAt(input: unknown, collection: 'nodes' | 'edges', index: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || typeof index !== 'number') {
    return undefined;
  }
  const items = (input as Record<string, unknown>)[collection];
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;

  return typeof id === 'string' ? id : undefined;
}

/** Ties each zod issue to its node or edge (by the raw input's id) and the field inside it. */
export function mapSchemaIssues(issues: readonly TZodIssue[], input: unknown): TFlowIssue[] {
  return issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const field = rest.map(String).join('.') || undefined;
    const located: TFlowIssue = { code: 'SCHEMA_INVALID', severity: 'error', message: issue.message, field };
    if (collection === 'nodes') {
      located.nodeId = idAt(input, 'nodes', index);
    }
    if (collection === 'edges') {
      located.edgeId = idAt(input, 'edges', index);
    }
    if (located.nodeId === undefined && located.edgeId === undefined) {
      located.field = issue.path.map(String).join('.') || undefined;
    }

    return located;
  });
}
