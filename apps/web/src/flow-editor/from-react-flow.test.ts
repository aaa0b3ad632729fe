import { applyNodeChanges } from '@xyflow/react';
import { describe, expect, it } from 'vitest';

import { FLOW_TEMPLATES, validateFlow, ZFlowDefinitionSchema, type TFlowDefinition } from '@uw/flow-engine';

import { fromReactFlow } from './from-react-flow';
import type { TRfNode } from './rf-types';
import { toReactFlow } from './to-react-flow';

const custom: TFlowDefinition = {
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'custom', sourceId: 'src_1' } },
    {
      id: 'clockify_1',
      kind: 'clockify',
      label: 'Create',
      position: { x: 5.5, y: 140 },
      data: { operationId: 'createProject', path: {}, query: { a: '"b"' }, body: '{ "name": payload.name }' },
    },
  ],
  edges: [{ id: 'e_trigger_clockify_1', source: 'trigger', target: 'clockify_1' }],
};

describe('fromReactFlow', () => {
  it.each([custom, ...FLOW_TEMPLATES.map((t) => t.definition)])('round-trips a document unchanged (%#)', (definition) => {
    const { nodes, edges } = toReactFlow(definition);

    expect(fromReactFlow(nodes, edges)).toEqual(definition);
  });

  it('produces a document the engine schema accepts', () => {
    const { nodes, edges } = toReactFlow(custom);

    expect(ZFlowDefinitionSchema.safeParse(fromReactFlow(nodes, edges)).success).toBe(true);
  });

  it('drops view state: selection, measured size, issues and class names', () => {
    const { nodes, edges } = toReactFlow(custom, { issues: [{ code: 'CYCLE', severity: 'error', nodeId: 'trigger', message: 'x' }] });
    const viewed = nodes.map((n) => ({ ...n, selected: true, dragging: false, measured: { width: 240, height: 80 } }) as TRfNode);
    const back = fromReactFlow(
      viewed,
      edges.map((e) => ({ ...e, selected: true, className: 'edge-invalid' })),
    );

    expect(back).toEqual(custom);
    expect(JSON.stringify(back)).not.toMatch(/selected|measured|issues|className/);
  });

  it('takes positions from React Flow after a move, everything else from the node data', () => {
    const { nodes, edges } = toReactFlow(custom);
    const moved = applyNodeChanges<TRfNode>([{ type: 'position', id: 'clockify_1', position: { x: 300, y: 420 } }], nodes);
    const back = fromReactFlow(moved, edges);

    expect(back.nodes[1]).toEqual({ ...custom.nodes[1], position: { x: 300, y: 420 } });
    expect(back.nodes[0]).toEqual(custom.nodes[0]);
  });

  it('keeps a template valid through the round trip', () => {
    for (const t of FLOW_TEMPLATES) {
      const { nodes, edges } = toReactFlow(t.definition);
      const errors = validateFlow(fromReactFlow(nodes, edges)).filter((i) => i.severity === 'error');

      expect(errors).toEqual([]);
    }
  });
});
