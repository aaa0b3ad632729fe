import type { TJsonSchema, TLeafKind } from './types';

/** `allOf` parts merged into one schema (properties and required lists joined). */
export function flattenSchema(schema: TJsonSchema | undefined): TJsonSchema {
  if (!schema || typeof schema !== 'object') return {};
  if (!schema.allOf || schema.allOf.length === 0) return schema;
  const { allOf, ...rest } = schema;

  return allOf.map(flattenSchema).reduce<TJsonSchema>(
    (acc, part) => ({
      ...part,
      ...acc,
      properties: { ...part.properties, ...acc.properties },
      required: [...(acc.required ?? []), ...(part.required ?? [])],
    }),
    rest,
  );
}

/** The schema's one type other than null (`['string', 'null']` → `string`), if it has one. */
export function mainType(schema: TJsonSchema): string | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');

    return types.length === 1 ? types[0] : undefined;
  }
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';

  return undefined;
}

/** An object the form breaks into fields (it lists its properties). */
export const isFieldset = (schema: TJsonSchema) =>
  mainType(schema) === 'object' && !schema.oneOf && !schema.anyOf && Object.keys(schema.properties ?? {}).length > 0;

/** An array the form edits item by item (one item schema that is not itself an array). */
export function itemSchemaOf(schema: TJsonSchema): TJsonSchema | null {
  if (mainType(schema) !== 'array' || !schema.items || Array.isArray(schema.items)) return null;
  const items = flattenSchema(schema.items);

  return mainType(items) === 'array' ? null : items;
}

export function leafKind(schema: TJsonSchema): TLeafKind {
  if (schema.enum && schema.enum.length > 0 && schema.enum.every((e) => typeof e === 'string' || typeof e === 'number')) return 'enum';
  if (schema.oneOf || schema.anyOf) return 'json';
  const type = mainType(schema);
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;

  return 'json';
}

/** `['tasks', 0, 'name']` → `tasks[0].name`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A hint for an empty field: the schema's example, else its default, as text. Never used as a value. */
export function placeholderOf(schema: TJsonSchema): string | undefined {
  const hint = schema.example ?? schema.examples?.[0] ?? (schema.format === 'date-time' ? '2026-01-31T09:00:00Z' : undefined);
  if (hint === undefined || hint === null) return undefined;

  return typeof hint === 'string' ? hint : JSON.stringify(hint);
}
