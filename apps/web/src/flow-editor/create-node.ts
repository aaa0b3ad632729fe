import { LOOP_MAX_ITEMS_DEFAULT, type TFlowDefinition, type TFlowNode, type TFlowNodeKind } from '@uw/flow-engine';

import { branchHandles, nextFreeBranch } from './branches';
import { DEFAULT_NODE_SIZE, GAP_X, GAP_Y, overlaps, rectOf, sizeOf, type TSizes } from './layout-geometry';

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

/**
 * Beside `anchor` (the selected node), to its right, at the height of the way out it will hang from
 * when it branches (true above false, cases in order); with no anchor, beside the last node. Moved
 * down until it lands on no other node.
 */
export function positionForNew(definition: TFlowDefinition, anchorId?: string | null, sizes: TSizes = new Map()): { x: number; y: number } {
  const anchor = definition.nodes.find((n) => n.id === anchorId) ?? definition.nodes.at(-1);
  if (!anchor) return { x: 0, y: 0 };
  const handles = anchorId === anchor.id ? branchHandles(anchor) : null;
  const index = handles
    ? Math.max(
        0,
        handles.findIndex((h) => h.id === nextFreeBranch(definition, anchor.id)),
      )
    : 0;
  const size = sizeOf(sizes, anchor.id);
  const rect = {
    x: anchor.position.x + size.width + GAP_X,
    y: anchor.position.y + index * (DEFAULT_NODE_SIZE.height + GAP_Y),
    ...DEFAULT_NODE_SIZE,
  };
  while (definition.nodes.some((n) => overlaps(rect, rectOf(n, sizes), GAP_Y / 2))) rect.y += DEFAULT_NODE_SIZE.height / 2 + GAP_Y / 2;

  return { x: rect.x, y: rect.y };
}

/** A trigger added later (the first was deleted): left of the leftmost node, level with the topmost. */
export function positionForTrigger(definition: TFlowDefinition): { x: number; y: number } {
  if (definition.nodes.length === 0) return { x: 0, y: 0 };

  return {
    x: Math.min(...definition.nodes.map((n) => n.position.x)) - DEFAULT_NODE_SIZE.width - GAP_X,
    y: Math.min(...definition.nodes.map((n) => n.position.y)),
  };
}
