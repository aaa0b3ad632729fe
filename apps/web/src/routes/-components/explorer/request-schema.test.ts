import { describe, expect, it } from 'vitest';

import type { TOperation } from '../../../api-contract/pending-types';
import { compactValues, exampleFromSchema, initialParameters, parametersSchema } from './request-schema';

const op: TOperation = {
  operationId: 'getTimeEntries', method: 'GET', path: '/v1/workspaces/{workspaceId}/user/{userId}/time-entries', tag: 'Time entry', summary: '', deprecated: false, host: 'api', description: '',
  parameters: [
    { name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'userId', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'page', in: 'query', required: false, schema: { type: 'integer', default: 1 }, description: 'Page' },
    { name: 'X-Api-Key', in: 'header', required: false, schema: { type: 'string' } },
  ],
  responses: {},
};

describe('request schema', () => {
  it('builds path and query groups, path always required, headers left to the server', () => {
    const schema = parametersSchema(op);

    expect(Object.keys(schema.properties ?? {})).toEqual(['path', 'query']);
    expect(schema.properties?.path).toMatchObject({ required: ['workspaceId', 'userId'] });
    expect(schema.properties?.query).toMatchObject({ required: [], properties: { page: { type: 'integer', title: 'page', description: 'Page' } } });
  });

  it('prefills workspaceId and userId from the session', () => {
    expect(initialParameters(op, { workspaceId: 'w1', userId: 'u1' })).toEqual({ path: { workspaceId: 'w1', userId: 'u1' }, query: {} });
    expect(initialParameters(op, { workspaceId: null, userId: null })).toEqual({ path: {}, query: {} });
  });

  it('makes example bodies from schemas', () => {
    const schema = {
      type: 'object',
      required: ['name', 'color'],
      properties: { name: { type: 'string', example: 'Acme' }, color: { type: 'string', enum: ['red', 'blue'] }, billable: { type: 'boolean' }, ids: { type: 'array', items: { type: 'string' } } },
    };

    expect(exampleFromSchema(schema)).toEqual({ name: 'Acme', color: 'red', billable: false, ids: [''] });
    expect(exampleFromSchema({ oneOf: [{ type: 'integer' }] })).toBe(0);
    expect(exampleFromSchema(undefined)).toBeUndefined();
  });

  it('drops unset values', () => {
    expect(compactValues({ a: '', b: undefined, c: 0, d: 'x' })).toEqual({ c: 0, d: 'x' });
  });
});
