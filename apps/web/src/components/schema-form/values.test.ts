import { describe, expect, it } from 'vitest';

import { missingOperationFields, operationSchemas, operationValuesToSend } from './operation-schemas';
import { defaultPickerFor, entityOfIdSegment } from './pickers';
import type { TJsonSchema } from './types';
import { emptyValueOf, missingRequired, pruneValue, removeAt, setAt } from './values';

const projectBody: TJsonSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', example: 'Software Development' },
    billable: { type: 'boolean', default: false },
    clientId: { type: 'string', example: '9t641568b07987035750704' },
    tasks: {
      type: 'array',
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, estimate: { type: 'string' } } },
    },
  },
};

const getProjects = {
  path: '/v1/workspaces/{workspaceId}/projects',
  parameters: [
    { name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'billable', in: 'query', required: false, schema: { type: 'boolean', default: false } },
    { name: 'page', in: 'query', required: false, schema: { type: 'integer', default: 1 } },
    { name: 'clients', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } } },
  ],
};

describe('schema form values: what is sent', () => {
  it('sends nothing for untouched parameters, whatever their schema defaults say', () => {
    const schemas = operationSchemas(getProjects);

    expect(operationValuesToSend(schemas, { path: { workspaceId: 'w1' }, query: {} })).toEqual({ path: { workspaceId: 'w1' }, query: {} });
    expect(missingOperationFields(schemas, { path: { workspaceId: 'w1' }, query: {} })).toEqual([]);
  });

  it('sends false, 0 and null when they were chosen; drops cleared fields and empty array items', () => {
    const schemas = operationSchemas(getProjects);
    let query = setAt({}, ['billable'], false);
    query = setAt(query, ['page'], 0);
    query = setAt(query, ['clients', 0], '');
    query = setAt(query, ['clients', 1], 'c1');

    expect(operationValuesToSend(schemas, { path: {}, query: query as Record<string, unknown> }).query).toEqual({
      billable: false,
      page: 0,
      clients: ['c1'],
    });
    expect(pruneValue({ a: '', b: undefined, c: null, d: { e: '' }, f: [''] })).toEqual({ c: null });
    expect(setAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(removeAt({ list: ['x', 'y', 'z'] }, ['list'], 1)).toEqual({ list: ['x', 'z'] });
  });

  it('starts new array items empty: an object, a list, or unset, never an invented value', () => {
    expect(emptyValueOf({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({});
    expect(emptyValueOf({ type: 'array', items: { type: 'string' } })).toEqual([]);
    expect(emptyValueOf({ type: 'string', example: 'abc' })).toBeUndefined();
    expect(emptyValueOf({ type: 'boolean', default: true })).toBeUndefined();
  });

  it('names missing required fields: path parameters, the body, and items the user started', () => {
    const schemas = operationSchemas({ ...getProjects, requestBody: { required: true, schema: projectBody } });

    expect(missingOperationFields(schemas, { path: {}, query: {} })).toEqual(['path.workspaceId', 'body.name']);
    expect(
      missingOperationFields(schemas, { path: { workspaceId: 'w' }, query: {}, body: { name: '', tasks: [{}, { name: 'QA' }] } }),
    ).toEqual(['body.name']);
    expect(missingRequired(projectBody, { name: 'P', tasks: [{ estimate: 'PT1H' }] })).toEqual(['tasks[0].name']);
    expect(
      operationValuesToSend(schemas, { path: { workspaceId: 'w' }, query: {}, body: { name: 'P', billable: undefined } }).body,
    ).toEqual({
      name: 'P',
    });
  });

  it('leaves out omitted parameters and marks read-only ones', () => {
    const schemas = operationSchemas(getProjects, { omit: ['page'], readOnly: { workspaceId: 'Always this workspace.' } });

    expect(Object.keys(schemas.query?.properties ?? {})).toEqual(['billable', 'clients']);
    expect(schemas.path?.properties?.workspaceId).toMatchObject({ readOnly: true, description: 'Always this workspace.' });
  });
});

describe('schema form pickers', () => {
  const pick = defaultPickerFor('/v1/workspaces/{workspaceId}/time-entries/{id}');
  const at = (name: string, siblings = {}, scope = {}) => pick({ name, path: [name], schema: { type: 'string' }, siblings, scope });

  it('knows id fields by name, and a path {id} by the segment before it', () => {
    expect(at('projectId')).toEqual({ entityType: 'project' });
    expect(at('tagIds')).toEqual({ entityType: 'tag' });
    expect(at('user-id')).toEqual({ entityType: 'user' });
    expect(at('userGroups')).toEqual({ entityType: 'user_group' });
    expect(at('id')).toEqual({ entityType: 'time_entry' });
    expect(at('workspaceId')).toBeNull();
    expect(at('description')).toBeNull();
    expect(entityOfIdSegment('/v1/workspaces/{workspaceId}/{id}')).toBeNull();
  });

  it('narrows tasks to the chosen project (a sibling field or a path parameter)', () => {
    expect(at('taskId', { projectId: 'p1' })).toEqual({ entityType: 'task', parent: { entityType: 'project', id: 'p1' } });
    expect(at('taskId', {}, { projectId: 'p2' })).toEqual({ entityType: 'task', parent: { entityType: 'project', id: 'p2' } });
    expect(at('taskId')).toEqual({ entityType: 'task' });
  });
});
