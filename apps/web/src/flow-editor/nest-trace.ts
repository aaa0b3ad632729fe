/** The trace fields the test run reads (the engine's TNodeTrace as flows.test returns it). */
export type TTraceEntry = { nodeId: string; kind: string; state: string; key?: string; path?: number[]; branch?: string; items?: number };

/** One node's run; a finished loop carries its items, each with the runs of its body's nodes in order. */
export type TTraceRow = { entry: TTraceEntry; items?: TTraceItem[] };
export type TTraceItem = { index: number; rows: TTraceRow[] };

const depthOf = (e: TTraceEntry) => e.path?.length ?? 0;

/**
 * The flat trace → a tree: the engine writes the runs of a loop's items (entries with a longer `path`)
 * right before the loop's own entry, so each loop claims the deeper rows written since the previous
 * row of its own depth and groups them by item index. Rows of a run stopped inside a loop (no loop
 * entry yet) stay at the end, as they came.
 */
export function nestTrace(trace: readonly TTraceEntry[]): TTraceRow[] {
  const pending: TTraceRow[][] = [[]];
  for (const entry of trace) {
    const depth = depthOf(entry);
    while (pending.length <= depth + 1) pending.push([]);
    const row: TTraceRow = { entry };
    const inner = pending[depth + 1] ?? [];
    if (entry.kind === 'forEach' && entry.state !== 'reused' && inner.length > 0) {
      const items = new Map<number, TTraceRow[]>();
      for (const r of inner) {
        const index = r.entry.path?.[depth] ?? 0;
        items.set(index, [...(items.get(index) ?? []), r]);
      }
      row.items = [...items].map(([index, rows]) => ({ index, rows }));
      pending[depth + 1] = [];
    }
    pending[depth]?.push(row);
  }

  return pending.flat();
}

/** "true ×2, false ×1" per body node of a loop: how its items went. */
export function itemCounts(items: readonly TTraceItem[]): { nodeId: string; counts: [string, number][] }[] {
  const byNode = new Map<string, Map<string, number>>();
  for (const item of items) {
    for (const { entry } of item.rows) {
      if (entry.kind === 'forEach' && entry.state === 'reused') continue;
      const outcome = entry.branch ?? entry.state;
      const counts = byNode.get(entry.nodeId) ?? new Map<string, number>();
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      byNode.set(entry.nodeId, counts);
    }
  }

  return [...byNode].map(([nodeId, counts]) => ({ nodeId, counts: [...counts] }));
}
