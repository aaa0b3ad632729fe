import { describe, expect, it } from 'vitest';

import type { TOperationSummary } from '../../../trpc/types';
import { filterOperations, flattenEndpoints, groupByTag, isDelete } from './operations';

const op = (
  operationId: string,
  { method, path, tag, summary = '' }: { method: TOperationSummary['method']; path: string; tag: string; summary?: string },
): TOperationSummary => ({
  operationId,
  method,
  path,
  tag,
  summary,
  deprecated: false,
  host: 'api',
  destructive: method === 'DELETE',
});
const ops = [
  op('getTags', { method: 'GET', path: '/v1/workspaces/{workspaceId}/tags', tag: 'Tag', summary: 'Find tags' }),
  op('createNewTag', { method: 'POST', path: '/v1/workspaces/{workspaceId}/tags', tag: 'Tag', summary: 'Add a new tag' }),
  op('deleteProject', { method: 'DELETE', path: '/v1/workspaces/{workspaceId}/projects/{id}', tag: 'Project', summary: 'Delete project' }),
  op('getProjects', { method: 'GET', path: '/v1/workspaces/{workspaceId}/projects', tag: 'Project', summary: 'Find projects' }),
];

describe('explorer operations', () => {
  it('searches words across id, path, summary and tag (all words must match)', () => {
    expect(filterOperations(ops, { q: 'new tag' }).map((o) => o.operationId)).toEqual(['createNewTag']);
    expect(filterOperations(ops, { q: 'PROJECTS find' }).map((o) => o.operationId)).toEqual(['getProjects']);
    expect(filterOperations(ops, {})).toHaveLength(4);
  });

  it('filters by method and tag', () => {
    expect(filterOperations(ops, { method: 'get' }).map((o) => o.operationId)).toEqual(['getTags', 'getProjects']);
    expect(filterOperations(ops, { tag: 'Project', method: 'DELETE' }).map((o) => o.operationId)).toEqual(['deleteProject']);
  });

  it('groups by tag alphabetically with each tag total', () => {
    const groups = groupByTag(filterOperations(ops, { method: 'GET' }), ops);

    expect(groups.map((g) => [g.tag, g.operations.length, g.total])).toEqual([
      ['Project', 1, 2],
      ['Tag', 1, 2],
    ]);
  });

  it('flattens the server grouping, keeping each tag', () => {
    const { tag: _t, ...summary } = ops[0]!;
    const flat = flattenEndpoints({ available: true, total: 1, tags: [{ name: 'Tag', count: 1, operations: [summary] }] });

    expect(flat).toEqual([ops[0]]);
    expect([isDelete('delete'), isDelete('PUT')]).toEqual([true, false]);
  });
});
