import { beforeAll, describe, expect, it } from 'vitest';

import { CLOCKIFY_FIXTURES } from '../test/support/fixtures';
import { loadCatalogue } from './catalogue';
import type { TCatalogue } from './catalogue-types';
import { exampleFromSchema } from './example-from-schema';
import { validateRequest } from './validate';

/** Against the repository's snapshot of Clockify's document (openapi.json at the root, prose stripped). */
describe("catalogue of Clockify's OpenAPI document", () => {
  let cat: TCatalogue;
  beforeAll(async () => {
    cat = await loadCatalogue(CLOCKIFY_FIXTURES.openapi);
  });

  it('has 158 operations with unique ids in 23 tags whose counts sum to 158', () => {
    expect(cat.operations).toHaveLength(158);
    expect(new Set(cat.operations.map((o) => o.operationId)).size).toBe(158);
    expect(cat.tags).toHaveLength(23);
    expect(cat.tags.reduce((sum, t) => sum + t.count, 0)).toBe(158);
    expect(cat.tags.slice(0, 3)).toEqual([
      { name: 'User', count: 10 },
      { name: 'Workspace', count: 9 },
      { name: 'Webhooks', count: 8 },
    ]);
    expect(cat.tags.find((t) => t.name === 'Invoice')?.count).toBe(17);
  });

  it('puts the 10 reports-host operations on host "reports" and the rest on "api"', () => {
    const reports = cat.operations.filter((o) => o.host === 'reports');
    expect(reports).toHaveLength(10);
    expect(reports.every((o) => /Report/.test(o.tag))).toBe(true);
    expect(cat.operations.find((o) => o.tag === 'Time Entry Report')?.host).toBe('reports');
    expect(cat.operations.find((o) => o.tag === 'Project')?.host).toBe('api');
  });

  it('resolves every $ref and keeps the operation data', () => {
    expect(JSON.stringify(cat.operations)).not.toContain('"$ref"');
    expect(cat.warnings).toEqual([]);
    const createWebhook = cat.operations.find((o) => o.method === 'POST' && o.path === '/v1/workspaces/{workspaceId}/webhooks')!;
    const props = createWebhook.requestBody!.schema.properties as Record<string, { enum?: string[] }>;
    expect(props.webhookEvent!.enum).toHaveLength(51);
    expect(createWebhook.parameters.find((p) => p.name === 'workspaceId')).toMatchObject({ in: 'path', required: true });
  });

  it('generates an example body that passes validation for every JSON request body', () => {
    const failures: string[] = [];
    for (const op of cat.operations) {
      if (!op.requestBody || op.requestBody.contentType !== 'application/json') continue;
      const issues = validateRequest(op, { body: exampleFromSchema(op.requestBody.schema) }).filter((m) => m.startsWith('body'));
      if (issues.length > 0) failures.push(`${op.operationId}: ${issues.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});
