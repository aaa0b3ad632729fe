import type { TFlowGraph } from './flow-graph';

/**
 * Each forEach's body: the nodes reachable from its `body` edges (the loop itself left out). Validation
 * requires a body to be closed (nothing leads in from outside, nothing leads out), so bodies nest.
 */
export function loopBodies(graph: TFlowGraph, loopIds: Iterable<string>): Map<string, Set<string>> {
  const known = new Set(graph.nodes.map((node) => node.id));
  const bodies = new Map<string, Set<string>>();
  for (const loopId of loopIds) {
    const starts = graph.edges.filter((e) => e.source === loopId && e.branch === 'body' && known.has(e.target)).map((e) => e.target);
    const body = new Set(starts.filter((id) => id !== loopId));
    const queue = [...body];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.edges) {
        if (edge.source === queue[i] && known.has(edge.target) && edge.target !== loopId && !body.has(edge.target)) {
          body.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
    bodies.set(loopId, body);
  }

  return bodies;
}

/** The innermost loop whose body holds each node (nodes outside every body are left out). */
export function innermostLoops(bodies: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string> {
  const owner = new Map<string, string>();
  for (const [loopId, body] of bodies) {
    for (const nodeId of body) {
      const current = owner.get(nodeId);
      if (current === undefined || (bodies.get(current)?.size ?? 0) > body.size) owner.set(nodeId, loopId);
    }
  }

  return owner;
}
