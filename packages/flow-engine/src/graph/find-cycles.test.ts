import { describe, expect, it } from 'vitest';

import { findCycles } from './find-cycles';

const nodes = ['t', 'a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('findCycles', () => {
  it('returns nothing for a DAG with a diamond', () => {
    const edges = [
      { source: 't', target: 'a' },
      { source: 't', target: 'b' },
      { source: 'a', target: 'c' },
      { source: 'b', target: 'c' },
    ];
    expect(findCycles({ nodes, edges })).toEqual([]);
  });

  it('reports each cycle once, in document order', () => {
    const edges = [
      { source: 't', target: 'a' },
      { source: 'b', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 'c', target: 'd' },
      { source: 'd', target: 'c' },
    ];
    expect(findCycles({ nodes, edges })).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('counts a self-loop as a cycle', () => {
    expect(findCycles({ nodes, edges: [{ source: 'c', target: 'c' }] })).toEqual([['c']]);
  });

  it('ignores edges to missing nodes', () => {
    expect(findCycles({ nodes, edges: [{ source: 'a', target: 'ghost' }] })).toEqual([]);
  });
});
