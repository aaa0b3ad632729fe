import { describe, expect, it } from 'vitest';

import type { TFlowClockifyNode, TFlowDefinition } from '@uw/flow-engine';

import { availableData, earlierNodes, isInLoop, skeletonOf } from '../data-panel/available-data';
import { hole } from '../values/json-template';
import { bodyFitsForm, fromFormValues, missingBodyFields, schemasOf, toFormValues } from './clockify-values';

const updateTimeEntry = {
  operationId: 'updateTimeEntry',
  path: '/v1/workspaces/{workspaceId}/time-entries/{id}',
  parameters: [
    { name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
  ],
  requestBody: {
    required: true,
    schema: {
      type: 'object',
      required: ['start'],
      properties: {
        start: { type: 'string', format: 'date-time' },
        description: { type: 'string' },
        tagIds: { type: 'array', items: { type: 'string' } },
        billable: { type: 'boolean' },
      },
    },
  },
};
const schemas = schemasOf(updateTimeEntry);
const node = (data: Partial<TFlowClockifyNode['data']>): TFlowClockifyNode => ({
  id: 'tag',
  kind: 'clockify',
  position: { x: 0, y: 0 },
  data: { operationId: 'updateTimeEntry', path: {}, query: {}, ...data },
});

describe('Clockify action form values', () => {
  it('reads a stored action into the form (literals as values, computed parts as holes) and writes it back', () => {
    const data = node({
      path: { id: 'payload.id' },
      body: '{"start": payload.timeInterval.start, "tagIds": ["t1"], "billable": true}',
    }).data;
    const values = toFormValues(data);
    expect(values).toEqual({
      path: { id: hole('payload.id') },
      query: {},
      body: { start: hole('payload.timeInterval.start'), tagIds: ['t1'], billable: true },
    });
    expect(fromFormValues(data, values, { schemas, bodyRequired: true })).toEqual(data);
  });

  it('leaves unset and blank fields out, keeps a required body as {}', () => {
    const data = node({}).data;
    const written = fromFormValues(
      data,
      { path: { id: 'abc' }, query: {}, body: { start: hole(''), description: '' } },
      { schemas, bodyRequired: true },
    );
    expect(written).toMatchObject({ path: { id: '"abc"' }, body: '{}' });
    expect(fromFormValues(data, { path: {}, query: {} }, { schemas, bodyRequired: false }).body).toBeUndefined();
  });

  it('sends a body the form cannot show field by field to raw mode', () => {
    expect(bodyFitsForm('{"start": payload.a}', schemas)).toBe(true);
    expect(bodyFitsForm('$merge([payload, {"x": 1}])', schemas)).toBe(false);
    // A computed list where the form edits item by item.
    expect(bodyFitsForm('{"tagIds": payload.tagIds}', schemas)).toBe(false);
    expect(bodyFitsForm(undefined, schemas)).toBe(true);
  });

  it('names required body fields that are not set as problems of the node', () => {
    const issues = missingBodyFields([node({ path: { id: 'payload.id' }, body: '{"description": "x"}' })], [updateTimeEntry]);
    expect(issues).toEqual([
      {
        code: 'MISSING_PARAMETER',
        severity: 'error',
        nodeId: 'tag',
        field: 'data.body.start',
        message: 'updateTimeEntry needs the body field "start"',
      },
    ]);
    expect(missingBodyFields([node({ body: '{"start": payload.s}' })], [updateTimeEntry])).toEqual([]);
    expect(missingBodyFields([node({ body: '{}' })], undefined)).toEqual([]);
  });
});

describe('the data a node can use', () => {
  const definition: TFlowDefinition = {
    nodes: [
      { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'clockify', events: ['TIMER_STOPPED'] } },
      node({ path: { id: 'payload.id' }, body: '{"start": payload.s}' }),
      { id: 'loop', kind: 'forEach', position: { x: 0, y: 0 }, data: { items: 'payload.tagIds', maxItems: 10 } },
      { id: 'post', kind: 'http', position: { x: 0, y: 0 }, data: { method: 'POST', url: '"https://x"', headers: {} } },
    ],
    edges: [
      { id: 'a', source: 'trigger', target: 'tag' },
      { id: 'b', source: 'tag', target: 'loop' },
      { id: 'c', source: 'loop', target: 'post', branch: 'body' },
    ],
  };
  const context = {
    event: { type: 'TIMER_STOPPED', source: 'clockify', receivedAt: '', id: 'l' },
    payload: { id: 'te' },
    headers: {},
    workspace: { id: 'w' },
    steps: {},
  };

  it('lists the steps before a node and knows a loop body', () => {
    expect(earlierNodes(definition, 'post').map((n) => n.id)).toEqual(['trigger', 'tag', 'loop']);
    expect(isInLoop(definition, 'post')).toBe(true);
    expect(isInLoop(definition, 'loop')).toBe(false);
  });

  it('shapes a step that has not run from its response schema, and prefers the last test run', () => {
    const responses = new Map([
      ['updateTimeEntry', { type: 'object', properties: { id: { type: 'string' }, tagIds: { type: 'array', items: { type: 'string' } } } }],
    ]);
    const shaped = availableData(definition, 'post', { context, responses, payloadSource: 'logged' });
    expect(shaped.steps.map((s) => [s.id, s.source])).toEqual([
      ['tag', 'response schema'],
      ['loop', 'response schema'],
    ]);
    expect((shaped.data.steps as Record<string, unknown>).tag).toEqual({ status: 200, body: { id: '', tagIds: [''] }, headers: {} });
    expect([...shaped.known]).toEqual(expect.arrayContaining(['payload', 'steps.tag', 'steps.loop']));
    const ran = availableData(definition, 'post', {
      context: { ...context, steps: { tag: { status: 200, body: { id: 'te' }, headers: {} } } },
      responses,
      payloadSource: null,
    });
    expect(ran.steps[0]).toEqual({ id: 'tag', label: 'tag', source: 'test run' });
    expect(ran.known.has('payload')).toBe(false);
    expect(skeletonOf({ type: 'string', enum: ['REGULAR', 'BREAK'] })).toBe('REGULAR');
  });
});
