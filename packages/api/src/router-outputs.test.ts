import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { appRouter } from './router';
import { publicProcedure, router } from './trpc';

type TProcedureDef = { type: 'query' | 'mutation' | 'subscription'; output?: unknown; meta?: { items?: unknown } };
type TAnyRouter = { _def: { procedures: object } };

const proceduresOf = (r: TAnyRouter) => Object.entries(r._def.procedures as Record<string, { _def: TProcedureDef }>);

/**
 * Procedures whose answers are not described: queries and mutations without `.output()`, subscriptions without
 * `meta.items` (tRPC checks no subscription's output; they parse each item with that schema).
 */
function undescribed(r: TAnyRouter): string[] {
  return proceduresOf(r)
    .filter(([, p]) => !(schemaOf(p._def) instanceof z.ZodType))
    .map(([path]) => path)
    .sort();
}

const schemaOf = (def: TProcedureDef) => (def.type === 'subscription' ? def.meta?.items : def.output);

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (!schema || typeof schema !== 'object') return [];
  const own = 'properties' in schema && schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];

  return [...own, ...Object.values(schema).flatMap(propertyNames)];
}

describe('the tRPC router', () => {
  it('describes the answer of every procedure with a zod schema', () => {
    expect(proceduresOf(appRouter).length).toBeGreaterThan(40);
    expect(undescribed(appRouter)).toEqual([]);
  });

  it('names the procedures that do not (the walk itself can fail)', () => {
    const bare = router({
      a: publicProcedure.query(() => 1),
      b: publicProcedure.output(z.number()).mutation(() => 1),
      c: router({ d: publicProcedure.subscription(async function* () {}) }),
      e: publicProcedure.meta({ items: z.number() }).subscription(async function* () {}),
    });
    expect(undescribed(bare)).toEqual(['a', 'c.d']);
  });

  it('never answers a token, a key hash or a cipher: outputs name no such field', () => {
    const names = proceduresOf(appRouter).flatMap(([path, p]) =>
      propertyNames(z.toJSONSchema(schemaOf(p._def) as z.ZodType, { io: 'output', unrepresentable: 'any' })).map((name) => ({
        path,
        name,
      })),
    );
    expect(names.filter((n) => n.name === 'workspaceId').length).toBeGreaterThan(10);
    const leaks = names.filter((n) => /token|hash|cipher|password/i.test(n.name)).map((n) => `${n.path}: ${n.name}`);
    expect(leaks).toEqual([]);
  });
});
