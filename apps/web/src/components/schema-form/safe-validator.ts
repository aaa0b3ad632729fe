import { toErrorSchema, type RJSFSchema, type RJSFValidationError, type ValidationData, type ValidatorType } from '@rjsf/utils';

/**
 * A JSON-schema checker for react-jsonschema-form that never compiles code. AJV (validator-ajv8) builds
 * validators with `new Function`, which the server's Content-Security-Policy (no 'unsafe-eval') forbids.
 * It covers what the forms need (type, enum, const, required, properties, items, anyOf/oneOf/allOf,
 * string and number bounds); Clockify checks the request fully on the server side anyway.
 */
type TSchema = RJSFSchema;
type TError = RJSFValidationError;

const MAX_DEPTH = 24;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';

  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function resolveRef(schema: TSchema, root: TSchema): TSchema {
  if (!schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

  return (target as TSchema | undefined) ?? {};
}

const err = (property: string, message: string): TError => ({
  property,
  message,
  stack: `${property || 'value'} ${message}`,
  name: 'schema',
});

function checkBounds(s: TSchema, value: unknown, path: string): TError[] {
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) return [err(path, `must have at least ${s.minLength} characters`)];
    if (s.maxLength !== undefined && value.length > s.maxLength) return [err(path, `must have at most ${s.maxLength} characters`)];
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return [err(path, `must be ≥ ${s.minimum}`)];
    if (typeof s.maximum === 'number' && value > s.maximum) return [err(path, `must be ≤ ${s.maximum}`)];
  }

  return [];
}

function checkChildren(s: TSchema, value: unknown, root: TSchema, path: string, depth: number): TError[] {
  const out: TError[] = [];
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of s.required ?? []) if (obj[name] === undefined) out.push(err(`${path}.${name}`, 'is a required property'));
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (obj[name] !== undefined && typeof sub === 'object') out.push(...checkValue(sub, obj[name], root, `${path}.${name}`, depth + 1));
    }
  }
  if (Array.isArray(value) && s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    value.forEach((item, i) => out.push(...checkValue(s.items as TSchema, item, root, `${path}.${i}`, depth + 1)));
  }

  return out;
}

function checkCombinators(s: TSchema, value: unknown, root: TSchema, path: string, depth: number): TError[] {
  const ok = (sub: unknown) => typeof sub === 'object' && checkValue(sub as TSchema, value, root, path, depth + 1).length === 0;
  if (s.anyOf && !s.anyOf.some(ok)) return [err(path, 'must match one of the allowed shapes')];
  if (s.oneOf && s.oneOf.filter(ok).length !== 1) return [err(path, 'must match exactly one of the allowed shapes')];

  return (s.allOf ?? []).flatMap((sub) => (typeof sub === 'object' ? checkValue(sub, value, root, path, depth + 1) : []));
}

export function checkValue(schema: TSchema, value: unknown, root: TSchema = schema, path = '', depth = 0): TError[] {
  if (depth > MAX_DEPTH || value === undefined) return [];
  const s = resolveRef(schema, root);
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const actual = typeOf(value);
  if (types.length > 0 && !types.some((t) => typeMatches(String(t), actual))) {
    return [err(path, `must be ${types.join(' or ')}`)];
  }
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return [err(path, 'must be one of the allowed values')];
  if (s.const !== undefined && JSON.stringify(s.const) !== JSON.stringify(value)) return [err(path, 'must be the fixed value')];

  return [...checkBounds(s, value, path), ...checkChildren(s, value, root, path, depth), ...checkCombinators(s, value, root, path, depth)];
}

export const safeValidator: ValidatorType = {
  validateFormData(formData, schema, _customValidate, transformErrors, uiSchema): ValidationData<unknown> {
    const found = checkValue(schema, formData);
    const errors = transformErrors ? transformErrors(found, uiSchema) : found;

    return { errors, errorSchema: toErrorSchema(errors) };
  },
  isValid(schema, formData, rootSchema) {
    return checkValue(schema, formData, rootSchema).length === 0;
  },
  rawValidation(schema, formData) {
    return { errors: checkValue(schema, formData) as never[] };
  },
};
