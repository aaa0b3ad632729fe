import { describe, expect, it } from 'vitest';

import { getNextNodes } from './get-next-nodes';

const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('getNextNodes', () => {
  it('follows outgoing edges in edge order', () => {
    const edges = [
      { source: 'a', target: 'c' },
      { source: 'b', target: 'a' },
      { source: 'a', target: 'b' },
    ];
    expect(getNextNodes({ nodes, edges }, 'a').map((n) => n.id)).toEqual(['c', 'b']);
  });

  it('drops duplicate edges and edges to missing nodes', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'b' },
      { source: 'a', target: 'ghost' },
    ];
    expect(getNextNodes({ nodes, edges }, 'a').map((n) => n.id)).toEqual(['b']);
  });

  it('returns nothing for a leaf', () => {
    expect(getNextNodes({ nodes, edges: [{ source: 'a', target: 'b' }] }, 'b')).toEqual([]);
  });
});
