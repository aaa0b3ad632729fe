import { describe, expect, it } from 'vitest';

import { createEvaluator, validateFlow } from '@uw/flow-engine';

import { definitionFromOperation, valueToExpression } from './operation-handoff';

describe('"Use in a flow" handoff', () => {
  it('writes fixed values as JSONata that evaluates back to them', async () => {
    const ev = createEvaluator();
    for (const value of ['a "quoted" text', 42, true, null, { name: 'x', ids: [1, 2] }]) {
      expect(await ev.evaluate(valueToExpression(value), {})).toEqual(value);
    }
  });

  it('builds a trigger and a Clockify node, leaving workspaceId to the engine', () => {
    const def = definitionFromOperation({
      operationId: 'createNewTag',
      path: { workspaceId: 'w1', id: 'p1' },
      query: { page: 2, empty: '' },
      body: { name: 'T' },
    });
    const action = def.nodes[1];

    expect(action).toMatchObject({ kind: 'clockify', data: { operationId: 'createNewTag', path: { id: '"p1"' }, query: { page: '2' } } });
    expect(def.edges).toEqual([{ id: 'e_trigger_clockify_1', source: 'trigger', target: 'clockify_1' }]);
    const errors = validateFlow(def).filter((i) => i.severity === 'error');
    // Only the trigger's events are left for the user to choose.
    expect(errors.map((e) => e.nodeId)).toEqual(['trigger']);
  });
});
