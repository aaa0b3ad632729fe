import type { TFlowDefinition, TFlowEdge, TFlowNode } from '@uw/flow-engine';

import { effectiveBranch, nextFreeBranch, renameSwitchBranches } from './branches';

export type TFlowMeta = { name: string; description: string; enabled: boolean };
export type TEditorState = { definition: TFlowDefinition; meta: TFlowMeta; dirty: boolean };

export type TEditorAction =
  | { type: 'replace'; definition: TFlowDefinition }
  | { type: 'updateNode'; node: TFlowNode }
  | { type: 'addNode'; node: TFlowNode; connectFrom?: string | null }
  | { type: 'removeNode'; id: string }
  /** `branch`: the source handle the connection was drawn from (a condition's true/false, a case, body/done). */
  | { type: 'connect'; source: string; target: string; branch?: string | null }
  | { type: 'meta'; patch: Partial<TFlowMeta> }
  | { type: 'load'; definition: TFlowDefinition; meta?: TFlowMeta; dirty: boolean };

export const EMPTY_DEFINITION: TFlowDefinition = {
  nodes: [{ id: 'trigger', kind: 'trigger', label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify', events: [] } }],
  edges: [],
};

export function newEdge(definition: TFlowDefinition, link: { source: string; target: string; branch?: string }): TFlowEdge {
  const { source, target, branch } = link;
  const taken = new Set(definition.edges.map((e) => e.id));
  let id = `e_${source}_${target}`;
  for (let i = 2; taken.has(id); i += 1) id = `e_${source}_${target}_${i}`;

  return { id, source, target, ...(branch ? { branch } : {}) };
}

function connect(state: TEditorState, link: { source: string; target: string; branch?: string }): TEditorState {
  const { source, target, branch } = link;
  const { definition } = state;
  const from = definition.nodes.find((n) => n.id === source);
  const wanted = effectiveBranch({ id: '', source, target, branch }, from);
  const exists = definition.edges.some((e) => e.source === source && e.target === target && effectiveBranch(e, from) === wanted);
  if (source === target || exists) return state;

  return withDefinition(state, { ...definition, edges: [...definition.edges, newEdge(definition, { source, target, branch })] });
}

function updateNode(definition: TFlowDefinition, node: TFlowNode): TFlowDefinition {
  const before = definition.nodes.find((n) => n.id === node.id);
  const edges = before ? renameSwitchBranches(definition.edges, before, node) : definition.edges;

  return { nodes: definition.nodes.map((n) => (n.id === node.id ? node : n)), edges };
}

function withDefinition(state: TEditorState, definition: TFlowDefinition): TEditorState {
  return { ...state, definition, dirty: true };
}

export function editorReducer(state: TEditorState, action: TEditorAction): TEditorState {
  const { definition } = state;
  switch (action.type) {
    case 'replace':
      return withDefinition(state, action.definition);
    case 'updateNode':
      return withDefinition(state, updateNode(definition, action.node));
    case 'addNode': {
      const nodes = [...definition.nodes, action.node];
      const from = action.connectFrom && definition.nodes.some((n) => n.id === action.connectFrom) ? action.connectFrom : null;
      // Hung from the source's first free way out (true, then false; body, then done; cases in order).
      const edges = from
        ? [...definition.edges, newEdge(definition, { source: from, target: action.node.id, branch: nextFreeBranch(definition, from) })]
        : definition.edges;

      return withDefinition(state, { nodes, edges });
    }
    case 'removeNode':
      return withDefinition(state, {
        nodes: definition.nodes.filter((n) => n.id !== action.id),
        edges: definition.edges.filter((e) => e.source !== action.id && e.target !== action.id),
      });
    case 'connect':
      return connect(state, { source: action.source, target: action.target, branch: action.branch ?? undefined });
    case 'meta':
      return { ...state, meta: { ...state.meta, ...action.patch }, dirty: true };
    case 'load':
      return { definition: action.definition, meta: action.meta ?? state.meta, dirty: action.dirty };
  }
}
