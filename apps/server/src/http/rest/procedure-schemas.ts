import { z } from 'zod';

import { appRouter } from '@uw/api';

import type { TProcedurePath, TRestRoute } from './route-table';

type TProcedureDef = { inputs: unknown[]; output?: unknown };
type TJsonSchema = Record<string, unknown> & { properties?: Record<string, TJsonSchema>; required?: string[]; type?: unknown };

/** The REST paging of a procedure that returns a whole array (`pageArray`). */
export const ZArrayPageQuerySchema = z.object({
  cursor: z.string().optional().describe('`nextCursor` of the previous page'),
  limit: z.number().int().min(1).max(200).default(50),
});

function definitionOf(path: TProcedurePath): TProcedureDef {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: TProcedureDef } | undefined>;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`REST route names an unknown procedure: ${path}`);

  return procedure._def;
}

function asZod(schema: unknown, what: string): z.ZodType {
  if (!(schema instanceof z.ZodType)) throw new Error(`${what} is not a zod schema: the REST document cannot describe it`);

  return schema;
}

/** The procedure's input schema (tRPC may chain several inputs: they are intersected), or null without one. */
export function inputSchemaOf(path: TProcedurePath): z.ZodType | null {
  const inputs = definitionOf(path).inputs.map((s) => asZod(s, `the input of ${path}`));
  if (inputs.length === 0) return null;

  return inputs.reduce((a, b) => z.intersection(a, b));
}

/**
 * What the route answers with: the procedure's output, or a page of it for `pageArray` routes; null while the
 * procedure has no `.output()` (the document then says the answer is not described, rather than failing).
 */
export function responseSchemaOf(route: TRestRoute): z.ZodType | null {
  const output = definitionOf(route.procedure).output;
  if (output === undefined) return null;
  const schema = asZod(output, `the output of ${route.procedure}`);
  if (!route.pageArray) return schema;
  if (!(schema instanceof z.ZodArray)) throw new Error(`${route.procedure} is paged by REST but its output is not an array`);

  return z.object({ items: schema, nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last') });
}

/** JSON Schema (2020-12, as OpenAPI 3.1 takes it) of what a caller sends (`input`) or receives (`output`). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): TJsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as TJsonSchema;

  return json;
}

/** The object schema a route reads from its query: the input's scalar fields that are not path parameters. */
export function querySchemaOf(route: TRestRoute, params: readonly string[]): TJsonSchema | null {
  if (route.method !== 'get') return null;
  const input = route.pageArray ? ZArrayPageQuerySchema : inputSchemaOf(route.procedure);
  if (!input) return null;
  const json = toJsonSchema(input, 'input');
  const properties = Object.fromEntries(Object.entries(json.properties ?? {}).filter(([k, s]) => !params.includes(k) && isScalar(s)));

  return { type: 'object', properties, required: (json.required ?? []).filter((k) => k in properties) };
}

/** The JSON body a route takes, or null when it takes none. */
export function bodySchemaOf(route: TRestRoute, params: readonly string[]): TJsonSchema | null {
  const input = route.body ? inputSchemaOf(route.procedure) : null;
  if (!input) return null;
  const json = toJsonSchema(input, 'input');
  if (route.body === 'data') return json.properties?.data ?? {};
  const properties = Object.fromEntries(Object.entries(json.properties ?? {}).filter(([k]) => !params.includes(k)));

  return { ...json, properties, required: (json.required ?? []).filter((k) => k in properties) };
}

/** Query values arrive as text: a scalar field's number or boolean is read as one (anything else fails validation). */
export function isScalar(schema: TJsonSchema): boolean {
  const types = typesOf(schema);

  return types.length > 0 && types.every((t) => ['string', 'number', 'integer', 'boolean', 'null'].includes(t));
}

export function typesOf(schema: TJsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  const options = (schema.anyOf ?? schema.oneOf) as TJsonSchema[] | undefined;
  if (options) return options.flatMap(typesOf);
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map((v) => (v === null ? 'null' : typeof v)))];

  return [];
}

export type { TJsonSchema };
