import type { TFlowDefinition, TFlowIssue, TFlowNode } from '@uw/flow-engine';

import { branchHandles, edgeLabel } from './branches';
import { KIND_NAMES } from './kind-names';
import type { TRfEdge, TRfNode } from './rf-types';
import type { TNodeRun } from './run-status';

export type TToReactFlowOptions = {
  /** Issues to show on their nodes (by nodeId) and edges (by edgeId). */
  issues?: readonly TFlowIssue[];
  /** Badges from the last test run, by node id. */
  runs?: ReadonlyMap<string, TNodeRun>;
};

function toRfNode(node: TFlowNode, issues: TFlowIssue[], run: TNodeRun | undefined): TRfNode {
  const { id, position, ...rest } = node;
  // The canvas node's accessible name (React Flow renders it as a group): kind, label and id.
  const ariaLabel = `${KIND_NAMES[rest.kind]}: ${rest.label ? `${rest.label} (${id})` : id}`;

  // The node type is the kind and the data holds that kind's node: the pairing TRfNode spells out.
  return { id, type: rest.kind, ariaLabel, position: { ...position }, data: { node: rest, issues, ...(run ? { run } : {}) } } as TRfNode;
}

/** The flow document → React Flow nodes and edges (the document stays the source of truth). */
export function toReactFlow(definition: TFlowDefinition, options: TToReactFlowOptions = {}): { nodes: TRfNode[]; edges: TRfEdge[] } {
  const issues = options.issues ?? [];
  const nodes = definition.nodes.map((node) =>
    toRfNode(
      node,
      issues.filter((i) => i.nodeId === node.id),
      options.runs?.get(node.id),
    ),
  );
  const byId = new Map(definition.nodes.map((n) => [n.id, n]));
  const edges = definition.edges.map((edge): TRfEdge => {
    const invalid = issues.some((i) => i.edgeId === edge.id && i.severity === 'error');
    const source = byId.get(edge.source);
    // Drawn from its handle when the source has one by that name (else from the first: an issue says why).
    const hasHandle = edge.branch !== undefined && Boolean(source && branchHandles(source)?.some((h) => h.id === edge.branch));
    const label = edgeLabel(edge, source);

    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(hasHandle ? { sourceHandle: edge.branch } : {}),
      ...(edge.branch === undefined ? {} : { data: { branch: edge.branch } }),
      ...(label === undefined ? {} : { label, labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 3 }),
      ...(invalid ? { className: 'edge-invalid' } : {}),
    };
  });

  return { nodes, edges };
}
