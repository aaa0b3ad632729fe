import { describe, expect, it } from 'vitest';

import { createRouteTable } from './route-table';

const op = (method: string, path: string, operationId: string) => ({ method, path, operationId, host: 'api' as 'api' | 'reports' });

describe('createRouteTable', () => {
  const table = createRouteTable([
    op('GET', '/v1/workspaces/{workspaceId}/expenses/{expenseId}', 'getExpense'),
    op('GET', '/v1/workspaces/{workspaceId}/expenses/categories', 'getCategories'),
    { ...op('POST', '/v1/workspaces/{workspaceId}/reports/detailed', 'detailed'), host: 'reports' as const },
  ]);

  it('prefers literal segments and extracts params', () => {
    expect(table.match('api', 'GET', '/v1/workspaces/w1/expenses/categories')).toMatchObject({
      op: { operationId: 'getCategories' },
      params: { workspaceId: 'w1' },
    });
    expect(table.match('api', 'get', '/v1/workspaces/w1/expenses/e9')).toMatchObject({
      op: { operationId: 'getExpense' },
      params: { workspaceId: 'w1', expenseId: 'e9' },
    });
  });

  it('keeps hosts apart and tells a wrong method from an unknown path', () => {
    expect(table.match('api', 'POST', '/v1/workspaces/w1/reports/detailed')).toBeUndefined();
    expect(table.match('reports', 'POST', '/v1/workspaces/w1/reports/detailed')).toMatchObject({ op: { operationId: 'detailed' } });
    expect(table.match('api', 'DELETE', '/v1/workspaces/w1/expenses/categories')).toBe('method-not-allowed');
    expect(table.match('api', 'GET', '/v1/workspaces/w1/nothing')).toBeUndefined();
  });
});
