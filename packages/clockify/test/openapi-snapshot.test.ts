import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { catalogueFromDocument } from '../src/catalogue';
import { CLOCKIFY_FIXTURES, PACKAGE_ROOT } from './support/fixtures';

const run = promisify(execFile);
const SCRIPT = join(PACKAGE_ROOT, '../../scripts/strip-openapi.mjs');
type TJson = Record<string, any>;

/** Every string `description` or `externalDocs` keyword outside data (example, default, enum…). */
function proseIn(node: unknown, found: string[] = [], path = '$'): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => proseIn(item, found, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return found;
  for (const [key, value] of Object.entries(node)) {
    if (['example', 'examples', 'default', 'enum'].includes(key)) continue;
    if ((key === 'description' && typeof value === 'string' && value !== '') || key === 'externalDocs') found.push(`${path}.${key}`);
    proseIn(value, found, `${path}.${key}`);
  }

  return found;
}

async function strip(document: unknown): Promise<TJson> {
  const dir = mkdtempSync(join(tmpdir(), 'uw-strip-'));
  writeFileSync(join(dir, 'in.json'), JSON.stringify(document));
  const { stdout } = await run(process.execPath, [SCRIPT, join(dir, 'in.json'), join(dir, 'out.json')]);
  expect(stdout).toMatch(/wrote .*out\.json/);

  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as TJson;
}

describe('scripts/strip-openapi.mjs', () => {
  const document = {
    openapi: '3.0.1',
    info: { title: 'T', version: '1', description: 'Long prose.', 'x-logo': { url: 'https://x' } },
    tags: [{ name: 'Tag', description: 'About tags.' }],
    paths: {
      '/things': {
        get: {
          operationId: 'getThings',
          summary: 'Get things',
          description: 'Prose about things.',
          externalDocs: { url: 'https://docs' },
          parameters: [{ name: 'description', in: 'query', description: 'Filter.', schema: { type: 'string', example: 'a' } }],
          responses: {
            '200': { description: 'OK, with prose.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          description: 'A thing.',
          properties: { description: { type: 'string', description: 'Its text.' } },
          example: { description: 'an example value stays' },
        },
      },
    },
  };

  it('drops prose and keeps structure, names that equal keywords, examples and a valid empty response description', async () => {
    expect(proseIn(document)).toHaveLength(8);
    const out = await strip(document);
    expect(proseIn(out)).toEqual([]);
    expect(out.info).toEqual({ title: 'T', version: '1' });
    expect(out.tags).toEqual([{ name: 'Tag' }]);
    const op = out.paths['/things'].get;
    expect(op).toMatchObject({ operationId: 'getThings', summary: 'Get things' });
    expect(op.parameters[0]).toEqual({ name: 'description', in: 'query', schema: { type: 'string', example: 'a' } });
    expect(op.responses['200'].description).toBe('');
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Thing');
    expect(out.components.schemas.Thing).toEqual({
      type: 'object',
      properties: { description: { type: 'string' } },
      example: { description: 'an example value stays' },
    });
  });

  it('refuses a file that is not an OpenAPI document, with a non-zero exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-strip-'));
    writeFileSync(join(dir, 'in.json'), '{"openapi":"3.0.1"}');
    const err = await run(process.execPath, [SCRIPT, join(dir, 'in.json'), join(dir, 'out.json')]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1, stderr: expect.stringMatching(/not an OpenAPI document/) });
  });
});

describe('the committed openapi.json (the offline snapshot)', () => {
  const text = readFileSync(CLOCKIFY_FIXTURES.openapi, 'utf8');
  const snapshot = JSON.parse(text) as TJson;

  it("holds the facts of Clockify's 158 operations: ids, summaries, tags, parameters and schemas", () => {
    const { operations } = catalogueFromDocument(snapshot);
    expect(operations).toHaveLength(158);
    expect(operations.every((o) => o.operationId && o.summary && o.tag)).toBe(true);
    expect(Object.keys(snapshot.components.schemas).length).toBeGreaterThan(250);
  });

  it('carries no prose and is exactly what the strip script makes of it', async () => {
    expect(proseIn(snapshot)).toEqual([]);
    expect(snapshot.info.description).toBeUndefined();
    expect(await strip(snapshot)).toEqual(snapshot);
  });
});
