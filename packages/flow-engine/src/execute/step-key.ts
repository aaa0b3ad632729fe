/**
 * The journal key of one run of a node: its id at the top level, `id#3` for item 3 of the loop it sits
 * in, `id#3.0` for item 0 of an inner loop during item 3 of the outer one. A loop's own per-item
 * record uses the loop's id with the item's path (`loop#3`).
 */
export function stepKey(nodeId: string, path: readonly number[]): string {
  return path.length === 0 ? nodeId : `${nodeId}#${path.join('.')}`;
}

/** Stable across retries and resumes of the same execution, different per node and per loop item. */
export function idempotencyKeyOf(executionId: string, key: string): string {
  return `${executionId}:${key}`;
}
