import { describe, expect, it } from 'vitest';

import { operationSchemas, operationValuesToSend } from '../../../components/schema-form';
import type { TOperation } from '../../../trpc/types';
import { bindingOptions, initialValues, valuesOfRequest } from './request-schema';

const param = (name: string, where: 'path' | 'query' | 'header', schema: Record<string, unknown>) => ({
  name,
  in: where,
  required: where === 'path',
  description: '',
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
    param('page', 'query', { type: 'integer', default: 1 }),
    param('hydrated', 'query', { type: 'boolean', default: false }),
    param('X-Api-Key', 'header', { type: 'string' }),
  ],
  bindings: [
    { name: 'workspaceId', in: 'path', source: 'workspace', value: 'w1', overridable: false },
    { name: 'userId', in: 'path', source: 'user', value: null, overridable: true },
  ],
};

describe('explorer request values', () => {
  it("prefills bound parameters only: the server's value, else the session's", () => {
    expect(initialValues(op, { workspaceId: 'other', userId: 'u1' })).toEqual({ path: { workspaceId: 'w1', userId: 'u1' }, query: {} });
    expect(initialValues(op, { workspaceId: null, userId: null })).toEqual({ path: { workspaceId: 'w1' }, query: {} });
  });

  it('sends no query parameter for an untouched form, though the schema has defaults', () => {
    const schemas = operationSchemas(op, bindingOptions(op));

    expect(operationValuesToSend(schemas, initialValues(op, { workspaceId: 'w1', userId: 'u1' }))).toEqual({
      path: { workspaceId: 'w1', userId: 'u1' },
      query: {},
    });
    expect(Object.keys(schemas.query?.properties ?? {})).toEqual(['page', 'hydrated']);
  });

  it('makes the bound workspaceId read-only and says where the user id comes from', () => {
    const schemas = operationSchemas(op, bindingOptions(op));

    expect(schemas.path?.properties?.workspaceId).toMatchObject({ readOnly: true, description: 'Always this workspace.' });
    expect(schemas.path?.properties?.userId?.readOnly).toBeUndefined();
    expect(schemas.path?.properties?.userId?.description).toMatch(/^Defaults to you/);
  });

  it('loads a history entry as values', () => {
    expect(valuesOfRequest({ path: { a: '1' }, query: { page: 2 }, body: { name: 'x' } })).toEqual({
      path: { a: '1' },
      query: { page: 2 },
      body: { name: 'x' },
    });
    expect(valuesOfRequest(undefined)).toEqual({ path: {}, query: {} });
  });
});
