import type { TFlowDefinition, TFlowIssue, TFlowNode } from '@uw/flow-engine';

import type { TRfEdge, TRfNode } from './rf-types';

export type TToReactFlowOptions = {
  /** Issues to show on their nodes (by nodeId) and edges (by edgeId). */
  issues?: readonly TFlowIssue[];
};

const KIND_NAMES = { trigger: 'Trigger', condition: 'Condition', clockify: 'Clockify action', http: 'HTTP action' } as const;

function toRfNode(node: TFlowNode, issues: TFlowIssue[]): TRfNode {
  const { id, position, ...rest } = node;
  // The canvas node's accessible name (React Flow renders it as a group): kind, label and id.
  const ariaLabel = `${KIND_NAMES[rest.kind]}: ${rest.label ? `${rest.label} (${id})` : id}`;

  // Each branch keeps the kind-specific data type; the union of branches is TRfNode.
  switch (rest.kind) {
    case 'trigger':
      return { id, type: 'trigger', ariaLabel, position: { ...position }, data: { node: rest, issues } };
    case 'condition':
      return { id, type: 'condition', ariaLabel, position: { ...position }, data: { node: rest, issues } };
    case 'clockify':
      return { id, type: 'clockify', ariaLabel, position: { ...position }, data: { node: rest, issues } };
    case 'http':
      return { id, type: 'http', ariaLabel, position: { ...position }, data: { node: rest, issues } };
  }
}

/** The flow document → React Flow nodes and edges (the document stays the source of truth). */
export function toReactFlow(definition: TFlowDefinition, options: TToReactFlowOptions = {}): { nodes: TRfNode[]; edges: TRfEdge[] } {
  const issues = options.issues ?? [];
  const nodes = definition.nodes.map((node) =>
    toRfNode(
      node,
      issues.filter((i) => i.nodeId === node.id),
    ),
  );
  const edges = definition.edges.map((edge): TRfEdge => {
    const invalid = issues.some((i) => i.edgeId === edge.id && i.severity === 'error');

    return { id: edge.id, source: edge.source, target: edge.target, ...(invalid ? { className: 'edge-invalid' } : {}) };
  });

  return { nodes, edges };
}
