import { describe, expect, it } from 'vitest';

import type { TFlowDefinition, TFlowNode } from '@uw/flow-engine';

import { overlaps, rectOf, type TSize } from './layout-geometry';
import { tidyLayout } from './tidy-layout';

const at = { x: 0, y: 0 };
const set = (id: string): TFlowNode => ({ id, kind: 'set', position: at, data: { values: {} } });

/** trigger → condition (true → a → join, false → b → join), in a scrambled order and piled on one point. */
const branching: TFlowDefinition = {
  nodes: [
    set('join'),
    set('b'),
    { id: 'check', kind: 'condition', position: at, data: { expression: 'true' } },
    set('a'),
    { id: 'trigger', kind: 'trigger', position: at, data: { source: 'manual' } },
    set('lonely'),
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'check' },
    { id: 'e3', source: 'check', target: 'b', branch: 'false' },
    { id: 'e2', source: 'check', target: 'a', branch: 'true' },
    { id: 'e4', source: 'a', target: 'join' },
    { id: 'e5', source: 'b', target: 'join' },
  ],
};

const sizes = new Map<string, TSize>([
  ['check', { width: 240, height: 140 }],
  ['a', { width: 300, height: 60 }],
]);

function positions(d: TFlowDefinition) {
  return Object.fromEntries(d.nodes.map((n) => [n.id, n.position]));
}

describe('tidyLayout', () => {
  const tidy = tidyLayout(branching, sizes);
  const p = positions(tidy);

  it('puts every node right of the nodes that lead to it, one column per layer', () => {
    for (const e of tidy.edges) {
      const source = tidy.nodes.find((n) => n.id === e.source)!;
      expect(rectOf(source, sizes).x + rectOf(source, sizes).width).toBeLessThan(p[e.target]!.x);
    }
    expect(p.a!.x).toBe(p.b!.x);
    // The column after a and b starts after the wider of them.
    expect(p.join!.x).toBeGreaterThanOrEqual(p.a!.x + 300);
  });

  it('overlaps no two nodes', () => {
    const rects = tidy.nodes.map((n) => rectOf(n, sizes));
    rects.forEach((r, i) => rects.slice(i + 1).forEach((other) => expect(overlaps(r, other)).toBe(false)));
  });

  it('orders ways out as their handles (true above false) and keeps the trigger first among starting nodes', () => {
    expect(p.a!.y).toBeLessThan(p.b!.y);
    expect(p.trigger).toEqual({ x: 0, y: 0 });
    expect(p.lonely!.x).toBe(0);
    expect(p.lonely!.y).toBeGreaterThan(0);
  });

  it('centres a node between the nodes that lead to it', () => {
    const centre = (id: string, h: number) => p[id]!.y + h / 2;
    // (positions are whole pixels)
    expect(Math.abs(centre('join', 90) - (centre('a', 60) + centre('b', 90)) / 2)).toBeLessThanOrEqual(1);
  });

  it('is stable (tidying a tidy graph changes nothing) and keeps nodes and edges', () => {
    expect(tidyLayout(tidy, sizes)).toEqual(tidy);
    expect(tidy.edges).toBe(branching.edges);
    expect(tidy.nodes.map((n) => ({ ...n, position: at }))).toEqual(branching.nodes);
  });

  it('survives a cycle', () => {
    const cyclic: TFlowDefinition = {
      nodes: [set('x'), set('y')],
      edges: [
        { id: 'a', source: 'x', target: 'y' },
        { id: 'b', source: 'y', target: 'x' },
      ],
    };
    const out = tidyLayout(cyclic);
    expect(out.nodes).toHaveLength(2);
    expect(overlaps(rectOf(out.nodes[0]!, new Map()), rectOf(out.nodes[1]!, new Map()))).toBe(false);
  });
});
