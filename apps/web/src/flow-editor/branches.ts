import { SWITCH_DEFAULT_BRANCH, type TFlowDefinition, type TFlowEdge, type TFlowNode } from '@uw/flow-engine';

import { describeCondition } from './values/condition-rules';

/** One way out of a branching node: the edge's `branch` (also the canvas handle id) and what the canvas shows. */
export type TBranchHandle = { id: string; label: string };

/** A document node, or a canvas node's copy of one (without id and position). */
type TNodeLike = TFlowNode extends infer N ? (N extends TFlowNode ? Omit<N, 'id' | 'position'> : never) : never;

/** The named ways out of a condition, switch or forEach; null for nodes with one way out. */
export function branchHandles(node: TNodeLike): TBranchHandle[] | null {
  switch (node.kind) {
    case 'condition':
      return [
        { id: 'true', label: 'true' },
        { id: 'false', label: 'false' },
      ];
    case 'switch':
      return [...node.data.cases.map((c) => ({ id: c.id, label: c.label || c.id })), { id: SWITCH_DEFAULT_BRANCH, label: 'default' }];
    case 'forEach':
      return [
        { id: 'body', label: 'body' },
        { id: 'done', label: 'done' },
      ];
    default:
      return null;
  }
}

/** A branching node's one-line summary on the canvas: its expression or list (as code), or its cases. */
export function branchSummary(node: TNodeLike): { text: string; isCode: boolean } {
  switch (node.kind) {
    case 'condition': {
      // A rule whose JSONata is long (a duration) reads better in words.
      const words = describeCondition(node.data.expression);
      if (words) return { text: words, isCode: false };

      return node.data.expression ? { text: node.data.expression, isCode: true } : { text: '(empty)', isCode: false };
    }
    case 'forEach':
      return node.data.items ? { text: node.data.items, isCode: true } : { text: '(no list)', isCode: false };
    case 'switch': {
      const n = node.data.cases.length;

      return { text: n === 0 ? '(no case)' : `${n} ${n === 1 ? 'case' : 'cases'}, first true wins`, isCode: false };
    }
    default:
      return { text: '', isCode: false };
  }
}

/** The branch an edge follows as the engine reads it: a condition's edge without one is its `true` edge. */
export function effectiveBranch(edge: TFlowEdge, source: TNodeLike | undefined): string | undefined {
  return edge.branch ?? (source?.kind === 'condition' ? 'true' : undefined);
}

/** What an edge shows on the canvas: its branch, a switch case by its label. */
export function edgeLabel(edge: TFlowEdge, source: TNodeLike | undefined): string | undefined {
  const branch = effectiveBranch(edge, source);
  if (branch === undefined) return undefined;

  return (source && branchHandles(source)?.find((h) => h.id === branch)?.label) ?? branch;
}

/**
 * The branch a node added after `sourceId` hangs from: the first way out that has no edge yet (true
 * before false, body before done, cases in order), else the first. Undefined for nodes with one way out.
 */
export function nextFreeBranch(definition: TFlowDefinition, sourceId: string): string | undefined {
  const source = definition.nodes.find((n) => n.id === sourceId);
  const handles = source ? branchHandles(source) : null;
  if (!source || !handles) return undefined;
  const used = new Set(definition.edges.filter((e) => e.source === sourceId).map((e) => effectiveBranch(e, source)));

  return (handles.find((h) => !used.has(h.id)) ?? handles[0])?.id;
}

/**
 * After a switch's cases were edited: edges that followed a case whose id was changed (same position,
 * same number of cases) follow the new id, so renaming a case keeps its connections.
 */
export function renameSwitchBranches(edges: readonly TFlowEdge[], before: TFlowNode, after: TFlowNode): TFlowEdge[] {
  if (before.kind !== 'switch' || after.kind !== 'switch' || before.data.cases.length !== after.data.cases.length) return [...edges];
  const beforeIds = new Set(before.data.cases.map((c) => c.id));
  const afterIds = new Set(after.data.cases.map((c) => c.id));
  const renamed = new Map<string, string>();
  // A rename: the old id is gone and the new one is new (a reorder moves ids, it renames none).
  before.data.cases.forEach((c, i) => {
    const next = after.data.cases[i]?.id;
    if (next !== undefined && !afterIds.has(c.id) && !beforeIds.has(next)) renamed.set(c.id, next);
  });
  if (renamed.size === 0) return [...edges];

  return edges.map((e) => {
    const next = e.source === after.id && e.branch !== undefined ? renamed.get(e.branch) : undefined;

    return next === undefined ? e : { ...e, branch: next };
  });
}
