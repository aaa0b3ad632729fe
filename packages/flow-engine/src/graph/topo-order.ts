import { FlowError } from '../errors';
import type { TFlowGraph } from './flow-graph';
import { reachableNodes } from './reachable-nodes';

/**
 * The execution order from `startId`: every node reachable from it, each placed after all of its
 * predecessors that are themselves reachable. Among nodes that are ready at the same time the one
 * earlier in the document goes first, so the order is deterministic. Throws `FlowError('CYCLE')`
 * when the reachable part of the graph has a cycle.
 */
export function topoOrder(graph: TFlowGraph, startId: string): string[] {
  const reachable = reachableNodes(graph, startId);
  const included = new Set(reachable);
  const position = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const pending = new Map(reachable.map((id) => [id, new Set<string>()]));
  for (const edge of graph.edges) {
    if (included.has(edge.source) && included.has(edge.target)) {
      pending.get(edge.target)?.add(edge.source);
    }
  }
  const order: string[] = [];
  const ready = reachable.filter((id) => pending.get(id)?.size === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const [other, waitingOn] of pending) {
      if (waitingOn.delete(id) && waitingOn.size === 0) {
        ready.push(other);
      }
    }
  }
  if (order.length !== reachable.length) {
    const stuck = reachable.filter((id) => !order.includes(id));
    throw new FlowError('CYCLE', `the flow has a cycle through ${stuck.join(', ')}`, { details: { nodeIds: stuck } });
  }

  return order;
}
