import { beforeAll, describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH } from '../test/support/fixtures';
import { loadCatalogue } from './catalogue';
import type { TCatalogue, TOperation } from './catalogue-types';
import { validateRequest } from './validate';

const WS = 'aaaaaaaaaaaaaaaaaaaaaaa1';
const PROJECT = '5f1185197db7a8637ffcaf1d';

describe('validateRequest', () => {
  let cat: TCatalogue;
  const op = (id: string): TOperation => cat.get(id)!;
  beforeAll(async () => {
    cat = await loadCatalogue(MINI_OPENAPI_PATH);
  });

  it('accepts a valid call, with query values given as strings or typed values', () => {
    expect(
      validateRequest(op('listProjects'), { path: { workspaceId: WS }, query: { page: '2', 'page-size': 50, archived: 'true' } }),
    ).toEqual([]);
    expect(validateRequest(op('getProject'), { path: { workspaceId: WS, projectId: PROJECT } })).toEqual([]);
    expect(
      validateRequest(op('createProject'), {
        path: { workspaceId: WS },
        body: { name: 'Site', status: 'DONE', hourlyRate: { amount: 10 } },
      }),
    ).toEqual([]);
  });

  it('reports missing required path parameters', () => {
    expect(validateRequest(op('getProject'), { path: { workspaceId: WS } })).toEqual(['path parameter "projectId" is required']);
    expect(validateRequest(op('getProject'), { path: { workspaceId: '', projectId: PROJECT } })).toEqual([
      'path parameter "workspaceId" is required',
    ]);
  });

  it('reports wrong parameter types, bounds and enums with the value given', () => {
    const issues = validateRequest(op('listProjects'), {
      path: { workspaceId: WS },
      query: { page: 'two', 'page-size': 9000, 'sort-column': 'COLOR' },
    });
    expect(issues).toEqual([
      'query parameter "page" must be integer (got "two")',
      'query parameter "page-size" must be <= 5000 (got 9000)',
      'query parameter "sort-column" must be equal to one of the allowed values ("NAME", "CLIENT_NAME") (got "COLOR")',
    ]);
    expect(validateRequest(op('deleteProject'), { path: { workspaceId: WS, projectId: 'not-an-id' } })).toEqual([
      'path parameter "projectId" must match pattern "^[0-9a-f]{24}$" (got "not-an-id")',
    ]);
  });

  it('reports unknown parameter names', () => {
    expect(validateRequest(op('listProjects'), { path: { workspaceId: WS, userId: 'u' }, query: { pagesize: 5 } })).toEqual([
      'unknown path parameter "userId" for listProjects (known: workspaceId)',
      'unknown query parameter "pagesize" for listProjects (known: page, page-size, archived, name, sort-column)',
    ]);
    expect(validateRequest(op('getProject'), { path: { workspaceId: WS, projectId: PROJECT }, query: { x: 1 } })).toEqual([
      'unknown query parameter "x" for getProject (this operation takes none)',
    ]);
  });

  it('requires a body when the operation says so, and refuses one where none is taken', () => {
    expect(validateRequest(op('createProject'), { path: { workspaceId: WS } })).toEqual(['request body is required for createProject']);
    expect(validateRequest(op('getProject'), { path: { workspaceId: WS, projectId: PROJECT }, body: { a: 1 } })).toEqual([
      'getProject takes no request body',
    ]);
  });

  it('checks the body against its schema (no coercion), with nested paths', () => {
    const issues = validateRequest(op('createProject'), {
      path: { workspaceId: WS },
      body: { name: 'x', billable: 'yes', status: 'PAUSED', hourlyRate: { amount: -1 }, startsAt: 'yesterday', contactEmail: 'nobody' },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'body.name must NOT have fewer than 2 characters',
        'body.billable must be boolean',
        'body.status must be equal to one of the allowed values ("ACTIVE", "DONE")',
        'body.hourlyRate.amount must be >= 0',
        'body.startsAt must match format "date-time"',
        'body.contactEmail must match format "email"',
      ]),
    );
    expect(validateRequest(op('createProject'), { path: { workspaceId: WS }, body: { color: '#123' } })).toEqual([
      "body must have required property 'name'",
      'body.color must match pattern "^#[0-9a-fA-F]{6}$"',
    ]);
    expect(validateRequest(op('createProject'), { path: { workspaceId: WS }, body: { name: 'ok', note: null } })).toEqual([]);
  });

  it('refuses bodies it cannot send (multipart) and a recursive schema stays checkable', () => {
    expect(validateRequest(op('uploadFile'), { path: { workspaceId: WS }, body: { file: 'x' } })).toEqual([
      'uploadFile expects a multipart/form-data body, which this client cannot send',
    ]);
    const report = op('detailedReport');
    expect(
      validateRequest(report, { path: { workspaceId: WS }, body: { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: 5 } }),
    ).toEqual(['body.dateRangeEnd must be string']);
  });

  it('reuses the compiled validators of an operation', () => {
    const o = op('listProjects');
    const started = performance.now();
    for (let i = 0; i < 2000; i++) validateRequest(o, { path: { workspaceId: WS }, query: { page: i + 1 } });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
