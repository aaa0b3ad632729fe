import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import type { TFlowDefinitionInput } from '../model/flow-definition-schema';
import type { TOperationInfo } from './flow-issue';
import { validateFlow } from './validate-flow';

const at = { x: 0, y: 0 };
const trigger = { id: 't', kind: 'trigger' as const, position: at, data: { source: 'clockify' as const, events: ['NEW_PROJECT'] } };
const condition = (id: string, expression: string) => ({ id, kind: 'condition' as const, position: at, data: { expression } });
const http = (id: string, url = '"https://example.com"') => ({
  id,
  kind: 'http' as const,
  position: at,
  data: { method: 'POST' as const, url },
});
const edge = (source: string, target: string, id = `${source}-${target}`) => ({ id, source, target });

const operations: TOperationInfo[] = [
  {
    operationId: 'updateTimeEntry',
    parameters: [
      { name: 'workspaceId', in: 'path', required: true },
      { name: 'id', in: 'path', required: true },
    ],
    requestBody: { required: true },
  },
  {
    operationId: 'getTags',
    parameters: [
      { name: 'workspaceId', in: 'path', required: true },
      { name: 'name', in: 'query', required: false },
    ],
  },
  { operationId: 'getHolidaysInPeriod', parameters: [{ name: 'start', in: 'query', required: true }] },
];

const codes = (definition: TFlowDefinitionInput | unknown, options = {}) =>
  validateFlow(definition, options).map((i) => [i.code, i.nodeId ?? i.edgeId]);

describe('validateFlow: a good flow', () => {
  it('has no issues', () => {
    const definition = { nodes: [trigger, condition('c', 'payload.billable'), http('h')], edges: [edge('t', 'c'), edge('c', 'h')] };
    expect(validateFlow(definition, { operations, eventTypes: ['NEW_PROJECT'] })).toEqual([]);
  });
});

describe('validateFlow: schema', () => {
  it('maps zod issues to node ids and fields', () => {
    const definition = {
      nodes: [trigger, { id: 'bad', kind: 'condition', position: at, data: {} }, { id: 'x', kind: 'nope', position: at, data: {} }],
      edges: [{ id: 'e' }],
    };
    const issues = validateFlow(definition);
    expect(issues.map((i) => [i.code, i.nodeId ?? i.edgeId, i.field])).toEqual([
      ['SCHEMA_INVALID', 'bad', 'data.expression'],
      ['SCHEMA_INVALID', 'x', 'kind'],
      ['SCHEMA_INVALID', 'e', 'source'],
      ['SCHEMA_INVALID', 'e', 'target'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('reports a document that is not a flow at all', () => {
    const issues = validateFlow(null);
    expect(issues).toMatchObject([{ code: 'SCHEMA_INVALID', severity: 'error' }]);
    expect(issues[0]?.nodeId).toBeUndefined();
  });
});

describe('validateFlow: structure', () => {
  it('needs exactly one trigger', () => {
    expect(codes({ nodes: [http('h')], edges: [] })).toEqual([['TRIGGER_MISSING', undefined]]);
    const second = { ...trigger, id: 't2' };
    expect(codes({ nodes: [trigger, second], edges: [] })).toEqual([['TRIGGER_DUPLICATE', 't2']]);
  });

  it('finds duplicate ids', () => {
    expect(codes({ nodes: [trigger, http('h'), http('h')], edges: [edge('t', 'h', 'e'), edge('t', 'h', 'e')] })).toEqual([
      ['DUPLICATE_NODE_ID', 'h'],
      ['DUPLICATE_EDGE_ID', 'e'],
    ]);
  });

  it('finds edges to and from nowhere, and into the trigger', () => {
    expect(
      codes({ nodes: [trigger, http('h')], edges: [edge('t', 'h'), edge('t', 'ghost'), edge('ghost2', 'h'), edge('h', 't')] }),
    ).toEqual([
      ['EDGE_TARGET_MISSING', 't-ghost'],
      ['EDGE_SOURCE_MISSING', 'ghost2-h'],
      ['EDGE_INTO_TRIGGER', 't'],
      ['CYCLE', 't'],
      ['CYCLE', 'h'],
    ]);
  });

  it('reports each node of a cycle', () => {
    const nodes = [trigger, http('a'), http('b')];
    const issues = validateFlow({ nodes, edges: [edge('t', 'a'), edge('a', 'b'), edge('b', 'a')] });
    expect(issues.map((i) => [i.code, i.nodeId])).toEqual([
      ['CYCLE', 'a'],
      ['CYCLE', 'b'],
    ]);
    expect(issues[0]?.message).toContain('a → b');
  });

  it('warns about unreachable nodes without refusing them', () => {
    const issues = validateFlow({ nodes: [trigger, http('h'), http('island')], edges: [edge('t', 'h')] });
    expect(issues).toMatchObject([{ code: 'UNREACHABLE_NODE', nodeId: 'island', severity: 'warning' }]);
  });
});

describe('validateFlow: trigger events', () => {
  it('checks event names only when a list is given', () => {
    const flow = { nodes: [{ ...trigger, data: { source: 'clockify', events: ['NEW_PROJECT', 'NEW_PROJEKT'] } }], edges: [] };
    expect(validateFlow(flow, { eventTypes: ['NEW_PROJECT'] })).toMatchObject([
      { code: 'UNKNOWN_EVENT', nodeId: 't', field: 'data.events.1' },
    ]);
    expect(validateFlow(flow)).toEqual([]);
  });
});

describe('validateFlow: expressions', () => {
  it('reports syntax errors with field and position', () => {
    const issues = validateFlow({ nodes: [trigger, condition('c', 'payload.a = ')], edges: [edge('t', 'c')] });
    expect(issues).toEqual([
      {
        code: 'EXPRESSION_SYNTAX',
        severity: 'error',
        nodeId: 'c',
        field: 'data.expression',
        position: 12,
        message: 'expression: Unexpected end of expression',
      },
    ]);
  });

  it('checks URL, header, path, query and body expressions', () => {
    const node = {
      id: 'h',
      kind: 'http',
      position: at,
      data: { method: 'GET', url: 'https://x', headers: { 'X-A': '"ok"', 'X-B': '$require("fs")' }, body: '{' },
    };
    const issues = validateFlow({ nodes: [trigger, node], edges: [edge('t', 'h')] });
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['EXPRESSION_SYNTAX', 'data.url'],
      ['UNKNOWN_FUNCTION', 'data.headers.X-B'],
      ['EXPRESSION_SYNTAX', 'data.body'],
    ]);
  });

  it('refuses expressions over 4,000 characters', () => {
    const issues = validateFlow({ nodes: [trigger, condition('c', `"${'x'.repeat(4_000)}"`)], edges: [edge('t', 'c')] });
    expect(issues).toMatchObject([{ code: 'EXPRESSION_TOO_LONG', nodeId: 'c' }]);
  });

  it('vets regexes with the evaluator it is given', () => {
    const flow = { nodes: [trigger, condition('c', '$contains(payload.s, /(x)\\1/)')], edges: [edge('t', 'c')] };
    expect(validateFlow(flow, { evaluator: createEvaluator({ regexEngine: RegExp }) })).toEqual([]);
    expect(validateFlow(flow)).toMatchObject([{ code: 'UNSUPPORTED_REGEX', nodeId: 'c' }]);
  });
});

describe('validateFlow: Clockify operations', () => {
  const clockify = (data: object) => ({ nodes: [trigger, { id: 'k', kind: 'clockify', position: at, data }], edges: [edge('t', 'k')] });

  it('accepts a complete mapping and leaves workspaceId to the engine', () => {
    expect(validateFlow(clockify({ operationId: 'updateTimeEntry', path: { id: 'payload.id' }, body: '{}' }), { operations })).toEqual([]);
  });

  it('finds unknown operations', () => {
    expect(codes(clockify({ operationId: 'updateTimeEntri' }), { operations })).toEqual([['UNKNOWN_OPERATION', 'k']]);
  });

  it('finds missing path and required query parameters, and a missing body', () => {
    expect(validateFlow(clockify({ operationId: 'updateTimeEntry' }), { operations }).map((i) => [i.code, i.field])).toEqual([
      ['MISSING_PARAMETER', 'data.path.id'],
      ['MISSING_BODY', 'data.body'],
    ]);
    expect(validateFlow(clockify({ operationId: 'getHolidaysInPeriod' }), { operations }).map((i) => [i.code, i.field])).toEqual([
      ['MISSING_PARAMETER', 'data.query.start'],
    ]);
  });

  it('warns about parameters and bodies the operation does not take', () => {
    const issues = validateFlow(clockify({ operationId: 'getTags', query: { nmae: '"x"' }, body: '{}' }), { operations });
    expect(issues.map((i) => [i.code, i.field, i.severity])).toEqual([
      ['UNKNOWN_PARAMETER', 'data.query.nmae', 'warning'],
      ['UNKNOWN_PARAMETER', 'data.body', 'warning'],
    ]);
  });

  it('skips operation checks without a catalogue', () => {
    expect(validateFlow(clockify({ operationId: 'whatever' }))).toEqual([]);
  });
});
