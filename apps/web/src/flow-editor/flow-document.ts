import { LOOP_MAX_ITEMS_DEFAULT, type TFlowDefinition, type TFlowEdge, type TFlowNode, type TFlowNodeKind } from '@uw/flow-engine';

export type TFlowMeta = { name: string; description: string; enabled: boolean };
export type TEditorState = { definition: TFlowDefinition; meta: TFlowMeta; dirty: boolean };

export type TEditorAction =
  | { type: 'replace'; definition: TFlowDefinition }
  | { type: 'updateNode'; node: TFlowNode }
  | { type: 'addNode'; node: TFlowNode; connectFrom?: string | null }
  | { type: 'removeNode'; id: string }
  | { type: 'connect'; source: string; target: string }
  | { type: 'meta'; patch: Partial<TFlowMeta> }
  | { type: 'load'; definition: TFlowDefinition; meta?: TFlowMeta; dirty: boolean };

export const EMPTY_DEFINITION: TFlowDefinition = {
  nodes: [{ id: 'trigger', kind: 'trigger', label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify', events: [] } }],
  edges: [],
};

/** `condition_1`, `http_2`…: plain identifiers, so expressions can write `steps.http_2.body`. */
export function nextNodeId(definition: TFlowDefinition, kind: TFlowNodeKind): string {
  const taken = new Set(definition.nodes.map((n) => n.id));
  let i = 1;
  while (taken.has(`${kind}_${i}`)) i += 1;

  return `${kind}_${i}`;
}

export function newEdge(definition: TFlowDefinition, source: string, target: string): TFlowEdge {
  const taken = new Set(definition.edges.map((e) => e.id));
  let id = `e_${source}_${target}`;
  for (let i = 2; taken.has(id); i += 1) id = `e_${source}_${target}_${i}`;

  return { id, source, target };
}

/** A new node of a kind, with empty but well-shaped data (validation says what is missing). */
export function createNode(kind: TFlowNodeKind, id: string, position: { x: number; y: number }): TFlowNode {
  switch (kind) {
    case 'trigger':
      return { id, kind, position, data: { source: 'clockify', events: [] } };
    case 'condition':
      return { id, kind, position, label: 'If', data: { expression: 'true' } };
    case 'clockify':
      return { id, kind, position, label: 'Clockify call', data: { operationId: '', path: {}, query: {} } };
    case 'http':
      return {
        id,
        kind,
        position,
        label: 'HTTP request',
        data: { method: 'POST', url: '"https://example.com/hook"', headers: {}, body: 'payload' },
      };
    case 'switch':
      return { id, kind, position, label: 'Switch', data: { cases: [{ id: 'case_1', expression: 'true' }] } };
    case 'forEach':
      return { id, kind, position, label: 'For each', data: { items: 'payload.items', maxItems: LOOP_MAX_ITEMS_DEFAULT } };
    case 'set':
      return { id, kind, position, label: 'Set values', data: { values: {} } };
    case 'wait':
      return { id, kind, position, label: 'Wait', data: { seconds: '60' } };
  }
}

/** Below the lowest node (or below `anchor`), so a new node never lands on top of another. */
export function positionForNew(definition: TFlowDefinition, anchorId?: string | null): { x: number; y: number } {
  const anchor = definition.nodes.find((n) => n.id === anchorId);
  const lowest = Math.max(0, ...definition.nodes.map((n) => n.position.y));

  return { x: anchor?.position.x ?? 0, y: (anchor ? anchor.position.y : lowest) + 140 };
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
      return withDefinition(state, { ...definition, nodes: definition.nodes.map((n) => (n.id === action.node.id ? action.node : n)) });
    case 'addNode': {
      const nodes = [...definition.nodes, action.node];
      const from = action.connectFrom && definition.nodes.some((n) => n.id === action.connectFrom) ? action.connectFrom : null;
      const edges = from ? [...definition.edges, newEdge(definition, from, action.node.id)] : definition.edges;

      return withDefinition(state, { nodes, edges });
    }
    case 'removeNode':
      return withDefinition(state, {
        nodes: definition.nodes.filter((n) => n.id !== action.id),
        edges: definition.edges.filter((e) => e.source !== action.id && e.target !== action.id),
      });
    case 'connect':
      if (action.source === action.target || definition.edges.some((e) => e.source === action.source && e.target === action.target))
        return state;

      return withDefinition(state, { ...definition, edges: [...definition.edges, newEdge(definition, action.source, action.target)] });
    case 'meta':
      return { ...state, meta: { ...state.meta, ...action.patch }, dirty: true };
    case 'load':
      return { definition: action.definition, meta: action.meta ?? state.meta, dirty: action.dirty };
  }
}
