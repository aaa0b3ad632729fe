import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI } from './utils';

type TParam = {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown; default?: unknown; type?: string };
};
type TOp = { operationId: string; parameters?: TParam[] };

const doc = JSON.parse(readFileSync(OPENAPI, 'utf8')) as { paths: Record<string, Record<string, TOp & { servers?: unknown }>> };

/** GET operations whose path has exactly one parameter: {workspaceId}. */
const workspaceGets = Object.entries(doc.paths).flatMap(([path, item]) => {
  const get = item.get;
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const host = JSON.stringify(item.servers ?? item.get?.servers ?? '').includes('reports') ? 'reports' : 'api';

  return get && names.length === 1 && names[0] === 'workspaceId' ? [{ path, host, op: get }] : [];
});

/** A plausible value for a required query parameter. */
function sample(p: TParam): string {
  if (p.name === 'start') return '2024-01-01T00:00:00Z';
  if (p.name === 'end') return '2026-01-01T00:00:00Z';
  const v = p.schema?.example ?? p.example ?? p.schema?.default;
  if (Array.isArray(v)) return String(v[0]);

  return v === undefined ? 'x' : String(v);
}

describe('every documented GET that needs only {workspaceId}', () => {
  let sim: TSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI, rateLimitPerSecond: 0 });
  });
  afterAll(() => sim.close());

  it('finds a good number of them', () => expect(workspaceGets.length).toBeGreaterThan(20));

  it.each(workspaceGets.map((g) => [g.op.operationId, g]))('%s answers 200 with a valid token', async (_id, g) => {
    const ws = sim.workspace();
    const query = Object.fromEntries((g.op.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sample(p)]));
    const res = await call(sim, { method: 'GET', path: `/${g.host}${g.path.replace('{workspaceId}', ws.id)}` }, { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('recorded no response-schema violations', () => {
    expect(sim.validation.enabled).toBe(true);
    expect(sim.violations).toEqual([]);
  });
});
