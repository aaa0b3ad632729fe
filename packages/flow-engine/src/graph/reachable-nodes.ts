import type { TFlowGraph } from './flow-graph';

/** Ids reachable from `startId` (itself included), breadth first, following edges in document order. */
export function reachableNodes(graph: TFlowGraph, startId: string): string[] {
  const known = new Set(graph.nodes.map((node) => node.id));
  if (!known.has(startId)) {
    return [];
  }
  const seen = new Set([startId]);
  const queue = [startId];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    for (const edge of graph.edges) {
      if (edge.source === current && known.has(edge.target) && !seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }

  return queue;
}
