import type { TFlowDefinition, TFlowEdge, TFlowNode } from '@uw/flow-engine';

import type { TRfEdge, TRfNode } from './rf-types';

function toFlowNode(rf: TRfNode): TFlowNode {
  const position = { x: rf.position.x, y: rf.position.y };

  return { ...rf.data.node, id: rf.id, position } as TFlowNode;
}

function toFlowEdge(edge: TRfEdge): TFlowEdge {
  const branch = edge.data?.branch;

  return { id: edge.id, source: edge.source, target: edge.target, ...(branch === undefined ? {} : { branch }) };
}

/**
 * React Flow nodes and edges → the flow document. Only document fields survive: view state
 * (selection, measured size, issues, class names) is dropped.
 */
export function fromReactFlow(nodes: readonly TRfNode[], edges: readonly TRfEdge[]): TFlowDefinition {
  return { nodes: nodes.map(toFlowNode), edges: edges.map(toFlowEdge) };
}
