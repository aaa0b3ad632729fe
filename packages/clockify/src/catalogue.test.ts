import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH, readMiniOpenApi } from '../test/support/fixtures';
import { sendJson, startTestServer, type TTestServer } from '../test/support/http-server';
import { catalogueFromDocument, CatalogueError, loadCatalogue } from './catalogue';
import type { TCatalogue } from './catalogue-types';
import { CIRCULAR_REF_KEY } from './resolve-refs';

describe('catalogue of the fixture document', () => {
  let cat: TCatalogue;
  beforeAll(async () => {
    cat = await loadCatalogue(MINI_OPENAPI_PATH);
  });

  it('indexes every operation with its method, path and tag; tags keep declared order and skip empty ones', () => {
    expect(cat.operations.map((o) => `${o.method} ${o.operationId}`)).toEqual([
      'GET listProjects',
      'POST createProject',
      'GET getProject',
      'DELETE deleteProject',
      'POST detailedReport',
      'GET regionalReport',
      'POST uploadFile',
    ]);
    expect(cat.tags).toEqual([
      { name: 'Project', count: 4 },
      { name: 'Report', count: 2 },
      { name: 'File', count: 1 },
    ]);
    expect(cat.get('getProject')?.path).toBe('/v1/workspaces/{workspaceId}/projects/{projectId}');
    expect(cat.get('nope')).toBeUndefined();
    expect(cat.get('deleteProject')?.deprecated).toBe(true);
    expect(cat.get('listProjects')?.summary).toBe('List projects');
  });

  it('takes the host from path-level servers, overridden by operation-level servers', () => {
    expect(cat.get('listProjects')?.host).toBe('api');
    expect(cat.get('detailedReport')?.host).toBe('reports');
    expect(cat.get('regionalReport')?.host).toBe('reports');
  });

  it('merges path-level parameters (resolved from $ref) with operation-level ones, which win', () => {
    const get = cat.get('getProject')!;
    expect(get.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:workspaceId', 'path:projectId']);
    expect(get.parameters[1]).toMatchObject({ required: true, description: 'Project id (operation level)', schema: { type: 'string' } });
    const del = cat.get('deleteProject')!;
    expect(del.parameters[1]!.schema).toMatchObject({ pattern: '^[0-9a-f]{24}$' });
    expect(del.parameters[0]).toMatchObject({ name: 'workspaceId', description: 'Workspace id', required: true });
  });

  it('skips cookie parameters with a warning', () => {
    expect(cat.get('listProjects')!.parameters.map((p) => p.name)).not.toContain('session');
    expect(cat.warnings.join('\n')).toMatch(/session.*cookie/);
  });

  it('resolves request bodies and responses through components, and repairs enum objects', () => {
    const create = cat.get('createProject')!;
    expect(create.requestBody).toMatchObject({ required: true, contentType: 'application/json' });
    const props = create.requestBody!.schema.properties as Record<string, Record<string, unknown>>;
    expect(props.name).toMatchObject({ type: 'string', minLength: 2 });
    expect(props.hourlyRate).toMatchObject({ required: ['amount'] });
    expect(props.status).toEqual({ type: 'string', enum: ['ACTIVE', 'DONE'], description: expect.any(String), example: 'ACTIVE' });
    expect(create.responses['201']!.schema).toMatchObject({ properties: { id: { type: 'string' } } });
    expect(create.responses['400']).toEqual({ description: 'Bad request' });
    expect(cat.get('getProject')!.responses['200']!.schema).toMatchObject({ type: 'object' });
    expect(cat.get('uploadFile')!.requestBody!.contentType).toBe('multipart/form-data');
  });

  it('cuts recursive schemas so the result is finite and serialisable', () => {
    const group = cat.get('detailedReport')!.responses['200']!.schema as any;
    expect(group.properties.children.items[CIRCULAR_REF_KEY]).toBe('#/components/schemas/Group');
    expect(() => JSON.stringify(cat.operations)).not.toThrow();
    expect(JSON.stringify(cat.operations)).not.toContain('"$ref"');
  });

  it('reports dangling refs as warnings instead of failing', () => {
    const doc = readMiniOpenApi() as any;
    doc.components.schemas.ReportFilter = { $ref: '#/components/schemas/Missing' };
    const c = catalogueFromDocument(doc);
    expect(c.operations).toHaveLength(7);
    expect(c.warnings).toContain('$ref #/components/schemas/Missing points nowhere');
  });
});

describe('loadCatalogue failures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uw-catalogue-'));
  let server: TTestServer;
  beforeAll(async () => {
    const doc = readMiniOpenApi();
    server = await startTestServer((req, res) =>
      req.url === '/openapi.json' ? sendJson(res, doc) : sendJson(res, { message: 'nope' }, { status: 404 }),
    );
  });
  afterAll(() => server.close());

  it('loads from an http URL', async () => {
    const cat = await loadCatalogue(`${server.url}/openapi.json`);
    expect(cat.operations).toHaveLength(7);
  });

  it('explains a missing file and how to sync', async () => {
    const err = await loadCatalogue(join(dir, 'absent.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogueError);
    expect((err as Error).message).toMatch(/not found.*absent\.json/);
    expect((err as Error).message).toContain('npm run openapi:sync');
  });

  it('explains a broken JSON file', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"openapi": "3.0.1", "paths": {');
    const err = await loadCatalogue(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogueError);
    expect((err as Error).message).toMatch(/not valid JSON/);
    expect((err as Error).message).toContain('npm run openapi:sync');
  });

  it('refuses JSON that is not an OpenAPI document, and a URL that answers 404', async () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(loadCatalogue(file)).rejects.toThrow(/not OpenAPI 3/);
    await expect(loadCatalogue(`${server.url}/missing.json`)).rejects.toThrow(/not found.*HTTP 404/);
    expect(() => catalogueFromDocument({ openapi: '3.0.1' })).toThrow(CatalogueError);
  });
});
