import type { TFlowGraph } from './flow-graph';

/** The targets of `nodeId`'s outgoing edges, in edge order, without duplicates or missing nodes. */
export function getNextNodes<TNode extends { id: string }>(graph: TFlowGraph<TNode>, nodeId: string): TNode[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const next: TNode[] = [];
  for (const edge of graph.edges) {
    const target = edge.source === nodeId ? byId.get(edge.target) : undefined;
    if (target && !seen.has(target.id)) {
      seen.add(target.id);
      next.push(target);
    }
  }

  return next;
}
