import type { TFlowDefinition, TFlowEdge, TFlowNode } from '@uw/flow-engine';

import { branchHandles, effectiveBranch } from './branches';
import { GAP_X, GAP_Y, sizeOf, type TSizes } from './layout-geometry';

/** Each node's layer: the longest path to it from a node nothing leads to (the trigger first); cycles are cut. */
function layersOf(definition: TFlowDefinition): Map<string, number> {
  const ids = definition.nodes.map((n) => n.id);
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const e of definition.edges) indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const layer = new Map<string, number>();
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (const id of queue) layer.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    for (const e of definition.edges.filter((edge) => edge.source === id && indegree.has(edge.target))) {
      layer.set(e.target, Math.max(layer.get(e.target) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (indegree.get(e.target) ?? 0) - 1;
      indegree.set(e.target, left);
      if (left === 0) queue.push(e.target);
    }
  }
  // Nodes on a cycle never reach indegree 0: one layer after the furthest parent that has one.
  for (const id of ids.filter((n) => !layer.has(n))) {
    const parents = definition.edges.filter((e) => e.target === id).map((e) => layer.get(e.source) ?? -1);
    layer.set(id, Math.max(-1, ...parents) + 1);
  }

  return layer;
}

/** Where an edge leaves its source: 0 for a node with one way out, else its handle's index (true before false). */
function branchIndex(edge: TFlowEdge, source: TFlowNode | undefined): number {
  const handles = source ? branchHandles(source) : null;
  const branch = effectiveBranch(edge, source);

  return Math.max(0, handles?.findIndex((h) => h.id === branch) ?? 0);
}

type TPlaced = { id: string; x: number; y: number; centre: number };

/**
 * A tidy left-to-right layout: one column per layer (by edges), each node at the height of the nodes
 * that lead to it (a branching node's ways out in handle order), stacked without overlap and each
 * column centred on what leads to it. `sizes` are measured node sizes (a default for the rest).
 */
export function tidyLayout(definition: TFlowDefinition, sizes: TSizes = new Map()): TFlowDefinition {
  const layer = layersOf(definition);
  const byId = new Map(definition.nodes.map((n) => [n.id, n]));
  const depth = Math.max(-1, ...layer.values()) + 1;
  const columns = Array.from({ length: depth }, (_, i) => definition.nodes.filter((n) => layer.get(n.id) === i));
  const placed = new Map<string, TPlaced>();
  let x = 0;
  for (const column of columns) {
    const wanted = column.map((node, order) => {
      const incoming = definition.edges.filter((e) => e.target === node.id && placed.has(e.source));
      const centres = incoming.map((e) => placed.get(e.source)?.centre ?? 0);
      const centre = centres.length > 0 ? centres.reduce((a, b) => a + b, 0) / centres.length : Number.POSITIVE_INFINITY;
      // Among nodes nothing leads to, the trigger first.
      const branch =
        incoming.length > 0 ? Math.min(...incoming.map((e) => branchIndex(e, byId.get(e.source)))) : node.kind === 'trigger' ? -1 : 0;

      return { node, order, centre, branch };
    });
    wanted.sort((a, b) => a.centre - b.centre || a.branch - b.branch || a.order - b.order);
    let bottom = Number.NEGATIVE_INFINITY;
    const rows = wanted.map((w) => {
      const { height } = sizeOf(sizes, w.node.id);
      const want = Number.isFinite(w.centre) ? w.centre - height / 2 : Math.max(0, bottom);
      const y = Math.max(want, bottom);
      bottom = y + height + GAP_Y;

      return { ...w, y, height, want };
    });
    // Pushed-down nodes drag the column off its parents: move it back up by the mean displacement.
    const shift = rows.length > 0 ? rows.reduce((sum, r) => sum + (r.y - r.want), 0) / rows.length : 0;
    for (const r of rows) {
      const y = Math.round(r.y - shift);
      placed.set(r.node.id, { id: r.node.id, x, y, centre: y + r.height / 2 });
    }
    x += Math.max(0, ...column.map((n) => sizeOf(sizes, n.id).width)) + GAP_X;
  }

  return {
    ...definition,
    nodes: definition.nodes.map((n) => {
      const p = placed.get(n.id);

      return p ? { ...n, position: { x: p.x, y: p.y } } : n;
    }),
  };
}
