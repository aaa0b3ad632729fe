import { describe, expect, it } from 'vitest';

import type { TFlowDefinition } from '@uw/flow-engine';

import { createNode, positionForNew, positionForTrigger } from './create-node';
import { DEFAULT_NODE_SIZE, GAP_X, overlaps, rectOf, type TSize } from './layout-geometry';

const definition: TFlowDefinition = {
  nodes: [
    createNode('trigger', 'trigger', { x: 0, y: 0 }),
    createNode('condition', 'check', { x: 320, y: 0 }),
    createNode('set', 'later', { x: 320, y: 400 }),
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'check' }],
};

describe('positionForNew', () => {
  it('lands right of the selected node, past its measured width, at its height', () => {
    const sizes = new Map<string, TSize>([['trigger', { width: 200, height: 70 }]]);
    expect(positionForNew({ ...definition, nodes: definition.nodes.slice(0, 1) }, 'trigger', sizes)).toEqual({ x: 200 + GAP_X, y: 0 });
  });

  it('lands beside the last node when nothing is selected', () => {
    expect(positionForNew(definition, null)).toEqual({ x: 320 + DEFAULT_NODE_SIZE.width + GAP_X, y: 400 });
    expect(positionForNew({ nodes: [], edges: [] }, null)).toEqual({ x: 0, y: 0 });
  });

  it('lines up with the branch it will hang from, and moves down off any node in the way', () => {
    const first = positionForNew(definition, 'check');
    const withTrue: TFlowDefinition = {
      nodes: [...definition.nodes, createNode('set', 'yes', first)],
      edges: [...definition.edges, { id: 'e2', source: 'check', target: 'yes', branch: 'true' }],
    };
    const second = positionForNew(withTrue, 'check');
    expect(first).toEqual({ x: 320 + DEFAULT_NODE_SIZE.width + GAP_X, y: 0 });
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThan(first.y);

    const crowded: TFlowDefinition = { ...withTrue, nodes: [...withTrue.nodes, createNode('set', 'blocker', second)] };
    const third = positionForNew(crowded, 'check');
    for (const n of crowded.nodes) expect(overlaps(rectOf({ id: 'new', position: third }, new Map()), rectOf(n, new Map()))).toBe(false);
  });

  it('puts a new trigger left of every node', () => {
    const at = positionForTrigger({ ...definition, nodes: definition.nodes.slice(1) });
    expect(at).toEqual({ x: 320 - DEFAULT_NODE_SIZE.width - GAP_X, y: 0 });
  });
});
