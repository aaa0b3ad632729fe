import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import type { TJsonSchema } from './catalogue-types';
import { CIRCULAR_REF_KEY, UNRESOLVED_REF_KEY } from './resolve-refs';

const INT32 = 2 ** 31;

/** OpenAPI 3.0 keywords and our own markers that carry no validation meaning for ajv. */
const ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator', CIRCULAR_REF_KEY, UNRESOLVED_REF_KEY];

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    validateSchema: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: false,
  });
  addFormats(ajv, { mode: 'fast' });
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('binary', true);
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);

  return ajv;
}

let bodyAjv: Ajv | undefined;
let paramAjv: Ajv | undefined;

/**
 * Compiles a resolved schema. Parameters are compiled with type coercion (`"50"` is a fine integer in
 * a query string, `"a"` fits a one-item array); bodies are not. Compilation errors (a schema ajv cannot
 * handle) yield `undefined`, and the caller then skips the type check rather than refusing the call.
 */
export function compileSchema(schema: TJsonSchema, kind: 'body' | 'param'): ValidateFunction | undefined {
  const ajv = kind === 'body' ? (bodyAjv ??= createAjv(false)) : (paramAjv ??= createAjv(true));
  try {
    return ajv.compile(stripId(schema));
  } catch {
    return undefined;
  }
}

/** `$id`/`id` inside a document's schemas would clash in ajv's registry between operations. */
function stripId(schema: TJsonSchema): TJsonSchema {
  if (!('$id' in schema)) return schema;
  const { $id: _drop, ...rest } = schema;

  return rest;
}

/** `body.hourlyRate.amount must be >= 0`, `query parameter "page" must be integer`… */
export function describeErrors(errors: ErrorObject[] | null | undefined, prefix: string): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue;
    const path = e.instancePath.split('/').slice(1).map(unescapePointer);
    const at = path.length > 0 ? `${prefix}.${path.join('.')}` : prefix;
    const extra =
      e.keyword === 'enum'
        ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
        : e.keyword === 'additionalProperties'
          ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`
          : '';
    seen.add(`${at} ${e.message ?? 'is invalid'}${extra}`);
  }

  return [...seen];
}

const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
