import type { TJsonSchema } from './catalogue-types';

type TOpts = { maxDepth?: number };

const asSchema = (v: unknown): TJsonSchema => (v && typeof v === 'object' && !Array.isArray(v) ? (v as TJsonSchema) : {});

const STRING_BY_FORMAT: Record<string, string> = {
  'date-time': '2024-01-15T09:00:00Z',
  date: '2024-01-15',
  time: '09:00:00',
  email: 'someone@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  binary: '',
  byte: '',
};

const typeOf = (schema: TJsonSchema): string | undefined => {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (typeof t === 'string') return t;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';

  return undefined;
};

/** Does a published example fit the schema's type, enum and item types? Clockify's examples sometimes don't. */
function fits(value: unknown, schema: TJsonSchema, depth = 0): boolean {
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (depth > 8) return true;
  switch (typeOf(schema)) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && value.every((item) => fits(item, asSchema(schema.items), depth + 1));
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
      const props = asSchema(schema.properties);

      return Object.entries(value).every(([k, v]) => !(k in props) || fits(v, asSchema(props[k]), depth + 1));
    }
    default:
      return value !== undefined;
  }
}

function exampleString(schema: TJsonSchema): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (format in STRING_BY_FORMAT) return STRING_BY_FORMAT[format]!;
  if (schema.pattern === '^#[0-9a-fA-F]{6}$' || /colou?r/i.test(String(schema.description ?? ''))) return '#1e88e5';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const text = 'string'.padEnd(min, 'x');

  return text.slice(0, Math.max(min, Math.min(text.length, max)));
}

function exampleNumber(schema: TJsonSchema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let n = min ?? (max !== undefined && max < 1 ? max : 1);
  if (integer) n = Math.ceil(n);

  return max !== undefined && n > max ? max : n;
}

/**
 * A plausible value for a (resolved) JSON Schema: the schema's own example or default when it fits, else
 * the first enum value, else a value built from type, format and bounds. Objects get every property
 * that is not read-only; recursion stops at `maxDepth` (default 8).
 */
export function exampleFromSchema(schema: TJsonSchema, opts: TOpts = {}, depth = 0): unknown {
  const s = asSchema(schema);
  const maxDepth = opts.maxDepth ?? 8;
  for (const candidate of [s.example, s.default]) {
    if (candidate !== undefined && candidate !== null && fits(candidate, s)) return structuredClone(candidate);
  }
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? null;
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key]) && s[key].length > 0) return exampleFromSchema(asSchema(s[key][0]), opts, depth);
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((part) => exampleFromSchema(asSchema(part), opts, depth));

    return parts.every((p) => p && typeof p === 'object' && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0];
  }
  switch (typeOf(s)) {
    case 'string':
      return exampleString(s);
    case 'integer':
      return exampleNumber(s, true);
    case 'number':
      return exampleNumber(s, false);
    case 'boolean':
      return true;
    case 'array': {
      if (depth >= maxDepth) return [];
      const count = typeof s.minItems === 'number' ? Math.max(1, s.minItems) : 1;
      const item = exampleFromSchema(asSchema(s.items), opts, depth + 1);

      return s.uniqueItems && count > 1 ? [item] : Array.from({ length: count }, () => structuredClone(item));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth >= maxDepth) return out;
      for (const [name, prop] of Object.entries(asSchema(s.properties))) {
        if (asSchema(prop).readOnly === true) continue;
        out[name] = exampleFromSchema(asSchema(prop), opts, depth + 1);
      }

      return out;
    }
    default:
      return {};
  }
}
