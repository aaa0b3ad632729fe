import { describe, expect, it } from 'vitest';

import { reachableNodes } from './reachable-nodes';

const nodes = ['t', 'a', 'b', 'c', 'island'].map((id) => ({ id }));

describe('reachableNodes', () => {
  it('walks breadth first from the start and ignores unconnected nodes', () => {
    const edges = [
      { source: 't', target: 'b' },
      { source: 't', target: 'a' },
      { source: 'a', target: 'c' },
      { source: 'island', target: 'c' },
    ];
    expect(reachableNodes({ nodes, edges }, 't')).toEqual(['t', 'b', 'a', 'c']);
  });

  it('terminates on cycles', () => {
    const edges = [
      { source: 't', target: 'a' },
      { source: 'a', target: 't' },
    ];
    expect(reachableNodes({ nodes, edges }, 't')).toEqual(['t', 'a']);
  });

  it('returns nothing for an unknown start and skips edges to missing nodes', () => {
    expect(reachableNodes({ nodes, edges: [] }, 'ghost')).toEqual([]);
    expect(reachableNodes({ nodes, edges: [{ source: 't', target: 'ghost' }] }, 't')).toEqual(['t']);
  });
});
