import { describe, expect, it } from 'vitest';

import { FLOW_TEMPLATES, type TFlowDefinition, type TFlowIssue } from '@uw/flow-engine';

import { toReactFlow } from './to-react-flow';

const definition: TFlowDefinition = {
  nodes: [
    { id: 'trigger', kind: 'trigger', label: 'When', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['NEW_PROJECT'] } },
    { id: 'check', kind: 'condition', position: { x: 10, y: 140 }, data: { expression: 'payload.billable' } },
    {
      id: 'call',
      kind: 'http',
      position: { x: 20, y: 280 },
      data: { method: 'POST', url: '"https://example.com"', headers: { 'x-a': '"1"' }, body: 'payload' },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'check' },
    { id: 'e2', source: 'check', target: 'call' },
  ],
};

describe('toReactFlow', () => {
  it('makes one typed node per document node, keeping ids, positions and the kind as the node type', () => {
    const { nodes } = toReactFlow(definition);

    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['trigger', 'trigger', { x: 0, y: 0 }],
      ['check', 'condition', { x: 10, y: 140 }],
      ['call', 'http', { x: 20, y: 280 }],
    ]);
    expect(nodes[0]?.data.node).toEqual({ kind: 'trigger', label: 'When', data: { source: 'clockify', events: ['NEW_PROJECT'] } });
    expect(nodes[2]?.data.node).not.toHaveProperty('position');
  });

  it('names each canvas node for assistive technology: kind, label and id', () => {
    expect(toReactFlow(definition).nodes.map((n) => n.ariaLabel)).toEqual([
      'Trigger: When (trigger)',
      'Condition: check',
      'HTTP action: call',
    ]);
  });

  it('copies positions so moving a canvas node never mutates the document', () => {
    const { nodes } = toReactFlow(definition);
    nodes[0]!.position.x = 999;

    expect(definition.nodes[0]?.position.x).toBe(0);
  });

  it('maps edges by id, source and target; a condition edge without a branch is labelled as its true edge', () => {
    expect(toReactFlow(definition).edges).toEqual([
      { id: 'e1', source: 'trigger', target: 'check' },
      { id: 'e2', source: 'check', target: 'call', label: 'true', labelBgPadding: [4, 2], labelBgBorderRadius: 3 },
    ]);
  });

  it('draws a branch edge from the handle of its branch and labels it (a switch case by its label)', () => {
    const at = { x: 0, y: 0 };
    const branching: TFlowDefinition = {
      nodes: [
        { id: 't', kind: 'trigger', position: at, data: { source: 'manual' } },
        { id: 'sw', kind: 'switch', position: at, data: { cases: [{ id: 'big', label: 'Over 8 h', expression: 'true' }] } },
        { id: 'loop', kind: 'forEach', position: at, data: { items: '[1]', maxItems: 10 } },
        { id: 'set', kind: 'set', position: at, data: { values: { a: '1' } } },
      ],
      edges: [
        { id: 'a', source: 'sw', target: 'loop', branch: 'big' },
        { id: 'b', source: 'sw', target: 'set', branch: 'default' },
        { id: 'c', source: 'loop', target: 'set', branch: 'body' },
        { id: 'd', source: 'sw', target: 'set', branch: 'gone' },
      ],
    };
    const edges = toReactFlow(branching).edges.map((e) => [e.id, e.sourceHandle, e.label, e.data?.branch]);

    expect(edges).toEqual([
      ['a', 'big', 'Over 8 h', 'big'],
      ['b', 'default', 'default', 'default'],
      ['c', 'body', 'body', 'body'],
      // A case that no longer exists has no handle: the edge keeps its branch (validation flags it).
      ['d', undefined, 'gone', 'gone'],
    ]);
  });

  it('puts each issue on its node and marks edges with errors', () => {
    const issues: TFlowIssue[] = [
      { code: 'EXPRESSION_SYNTAX', severity: 'error', nodeId: 'check', field: 'data.expression', message: 'bad' },
      { code: 'UNKNOWN_PARAMETER', severity: 'warning', nodeId: 'call', message: 'ignored' },
      { code: 'CYCLE', severity: 'error', edgeId: 'e2', message: 'cycle' },
    ];
    const { nodes, edges } = toReactFlow(definition, { issues });

    expect(nodes.map((n) => n.data.issues.map((i) => i.message))).toEqual([[], ['bad'], ['ignored']]);
    expect(edges[1]?.className).toBe('edge-invalid');
    expect(edges[0]?.className).toBeUndefined();
  });

  it('handles every shipped template', () => {
    for (const t of FLOW_TEMPLATES) {
      const { nodes, edges } = toReactFlow(t.definition);

      expect(nodes).toHaveLength(t.definition.nodes.length);
      expect(edges).toHaveLength(t.definition.edges.length);
    }
  });
});
