import type { TFlowGraph } from './flow-graph';

/**
 * Every group of nodes that lie on a common cycle (strongly connected components with more than one
 * node, or a node with an edge to itself), each listed in document order. Empty when the graph is acyclic.
 */
export function findCycles(graph: TFlowGraph): string[][] {
  const order = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const successors = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    if (order.has(edge.target)) {
      successors.get(edge.source)?.push(edge.target);
    }
  }
  const components = stronglyConnected([...successors.keys()], successors);
  const cyclic = components.filter((c) => c.length > 1 || (successors.get(c[0] ?? '') ?? []).includes(c[0] ?? ''));
  const byDocument = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  return cyclic.map((c) => [...c].sort(byDocument)).sort((a, b) => byDocument(a[0] ?? '', b[0] ?? ''));
}

/** Tarjan's algorithm. Recursion depth is bounded by the node count (the schema caps it at 200). */
function stronglyConnected(ids: string[], successors: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id) ?? 0);
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) {
          onStack.delete(member);
          component.push(member);
        }
      } while (member !== undefined && member !== id);
      result.push(component);
    }
  };
  for (const id of ids) {
    if (!index.has(id)) {
      visit(id);
    }
  }

  return result;
}
