import { describe, expect, it } from 'vitest';

import { FlowError } from '../errors';
import { topoOrder } from './topo-order';

const nodes = ['t', 'a', 'b', 'join', 'x'].map((id) => ({ id }));

describe('topoOrder', () => {
  it('puts a join after every reachable predecessor, whatever the edge order', () => {
    const edges = [
      { source: 'b', target: 'join' },
      { source: 't', target: 'b' },
      { source: 'a', target: 'join' },
      { source: 't', target: 'a' },
    ];
    expect(topoOrder({ nodes, edges }, 't')).toEqual(['t', 'a', 'b', 'join']);
  });

  it('orders a longer branch before the join too', () => {
    const edges = [
      { source: 't', target: 'join' },
      { source: 't', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 'b', target: 'join' },
    ];
    expect(topoOrder({ nodes, edges }, 't')).toEqual(['t', 'a', 'b', 'join']);
  });

  it('ignores predecessors that are not reachable from the start', () => {
    const edges = [
      { source: 't', target: 'join' },
      { source: 'x', target: 'join' },
    ];
    expect(topoOrder({ nodes, edges }, 't')).toEqual(['t', 'join']);
  });

  it('throws CYCLE for a reachable cycle', () => {
    const edges = [
      { source: 't', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
    ];
    expect(() => topoOrder({ nodes, edges }, 't')).toThrow(FlowError);
    try {
      topoOrder({ nodes, edges }, 't');
    } catch (error) {
      expect((error as FlowError).code).toBe('CYCLE');
      expect((error as FlowError).details).toEqual({ nodeIds: ['a', 'b'] });
    }
  });
});
