import { describe, expect, it } from 'vitest';

import type { TOperation } from '../../../trpc/types';
import { compactValues, exampleFromSchema, initialParameters, parametersSchema, parametersUiSchema } from './request-schema';

const param = (name: string, where: 'path' | 'query' | 'header', schema: Record<string, unknown>, description = '') => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
  example: null,
  boundTo: null,
});
const op: TOperation = {
  operationId: 'getTimeEntries',
  method: 'GET',
  path: '/v1/workspaces/{workspaceId}/user/{userId}/time-entries',
  tag: 'Time entry',
  summary: '',
  deprecated: false,
  host: 'api',
  description: '',
  destructive: false,
  destructiveReason: null,
  requestBody: null,
  exampleBody: null,
  responses: [],
  parameters: [
    param('workspaceId', 'path', { type: 'string' }),
    param('userId', 'path', { type: 'string' }),
    param('page', 'query', { type: 'integer', default: 1 }, 'Page'),
    param('X-Api-Key', 'header', { type: 'string' }),
  ],
  bindings: [
    { name: 'workspaceId', in: 'path', source: 'workspace', value: 'w1', overridable: false },
    { name: 'userId', in: 'path', source: 'user', value: null, overridable: true },
  ],
};

describe('request schema', () => {
  it('builds path and query groups, path always required, headers left to the server', () => {
    const schema = parametersSchema(op);

    expect(Object.keys(schema.properties ?? {})).toEqual(['path', 'query']);
    expect(schema.properties?.path).toMatchObject({ required: ['workspaceId', 'userId'] });
    expect(schema.properties?.query).toMatchObject({
      required: [],
      properties: { page: { type: 'integer', title: 'page', description: 'Page' } },
    });
  });

  it("prefills bound parameters: the server's value, else the session's", () => {
    expect(initialParameters(op, { workspaceId: 'other', userId: 'u1' })).toEqual({ path: { workspaceId: 'w1', userId: 'u1' }, query: {} });
    expect(initialParameters(op, { workspaceId: null, userId: null })).toEqual({ path: { workspaceId: 'w1' }, query: {} });
  });

  it('makes the bound workspaceId read-only in the form', () => {
    expect(parametersUiSchema(op).path).toMatchObject({ workspaceId: { 'ui:readonly': true }, userId: {} });
  });

  it('makes example bodies from schemas', () => {
    const schema = {
      type: 'object',
      required: ['name', 'color'],
      properties: {
        name: { type: 'string', example: 'Acme' },
        color: { type: 'string', enum: ['red', 'blue'] },
        billable: { type: 'boolean' },
        ids: { type: 'array', items: { type: 'string' } },
      },
    };

    expect(exampleFromSchema(schema)).toEqual({ name: 'Acme', color: 'red', billable: false, ids: [''] });
    expect(exampleFromSchema({ oneOf: [{ type: 'integer' }] })).toBe(0);
    expect(exampleFromSchema(undefined)).toBeUndefined();
  });

  it('drops unset values', () => {
    expect(compactValues({ a: '', b: undefined, c: 0, d: 'x' })).toEqual({ c: 0, d: 'x' });
  });
});
