import { describe, expect, it } from 'vitest';

import { emptyOf } from './empty-of';
import { createValidator } from './validator';

const op = {
  operationId: 'createThing',
  method: 'POST',
  path: '/v1/things',
  host: 'api' as const,
  parameters: [
    { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
    { name: 'include-roles', in: 'query', required: true, schema: { type: 'string', default: 'false' } },
  ],
  requestBody: { required: true, schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
  responses: { '201': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer' } } } } },
};

describe('createValidator', () => {
  const notices: string[] = [];
  const v = createValidator((m) => notices.push(m));

  it('checks query parameters (coercing strings) and treats required-with-default as optional', () => {
    expect(v.request(op, { path: {}, query: { page: '2' }, body: { name: 'a' } })).toBeUndefined();
    expect(v.request(op, { path: {}, query: { page: '0' }, body: { name: 'a' } })).toMatch(/query\/page must be >= 1/);
  });

  it('checks the body', () => {
    expect(v.request(op, { path: {}, query: {}, body: undefined })).toBe('Required request body is missing');
    expect(v.request(op, { path: {}, query: {}, body: {} })).toMatch(/body must have required property 'name'/);
  });

  it('reports response violations, ignoring nulls', () => {
    expect(v.response(op, 201, { id: 'x', n: null })).toEqual([]);
    expect(v.response(op, 201, { n: 'many' })).toEqual(["response must have required property 'id'", 'response/n must be integer']);
    expect(v.response(op, 204, undefined)).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('builds the emptiest valid value of a schema', () => {
    const schema = op.responses['201'].schema;
    expect(emptyOf(schema)).toEqual({ id: '' });
    expect(v.response(op, 201, emptyOf(schema))).toEqual([]);
    expect(emptyOf({ type: 'array', items: { type: 'string' } })).toEqual([]);
  });
});
