import { LOOP_MAX_ITEMS_DEFAULT, type TFlowDefinition, type TFlowNode, type TFlowNodeKind } from '@uw/flow-engine';

import { branchHandles, nextFreeBranch } from './branches';

/** `condition_1`, `http_2`…: plain identifiers, so expressions can write `steps.http_2.body`. */
export function nextNodeId(definition: TFlowDefinition, kind: TFlowNodeKind): string {
  const taken = new Set(definition.nodes.map((n) => n.id));
  let i = 1;
  while (taken.has(`${kind}_${i}`)) i += 1;

  return `${kind}_${i}`;
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

/** Horizontal distance between the nodes hung from the ways out of one branching node. */
const BRANCH_SPACING = 280;
const ROW = 140;

/**
 * Below the lowest node, or below `anchor` (under the handle it will hang from when the anchor
 * branches), moved down until it lands on no other node.
 */
export function positionForNew(definition: TFlowDefinition, anchorId?: string | null): { x: number; y: number } {
  const anchor = definition.nodes.find((n) => n.id === anchorId);
  const lowest = Math.max(0, ...definition.nodes.map((n) => n.position.y));
  const handles = anchor ? branchHandles(anchor) : null;
  const index = handles && anchor ? handles.findIndex((h) => h.id === nextFreeBranch(definition, anchor.id)) : -1;
  const shift = handles && index >= 0 ? (index - (handles.length - 1) / 2) * BRANCH_SPACING : 0;
  const x = (anchor?.position.x ?? 0) + shift;
  let y = (anchor ? anchor.position.y : lowest) + ROW;
  while (definition.nodes.some((n) => Math.abs(n.position.x - x) < 250 && Math.abs(n.position.y - y) < 100)) y += ROW;

  return { x, y };
}
