import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

import type { TJsonSchema, TSimOperation, TSimParameter } from '../../catalogue/types';
import { normalizeSchema } from './normalize-schema';
import { stripNulls } from './strip-nulls';

export type TRequestInput = { path: Record<string, string>; query: Record<string, unknown>; body: unknown };
export type TValidator = {
  /** undefined = valid; otherwise the 400 message */
  request(op: TSimOperation, input: TRequestInput): string | undefined;
  /** schema violations of a response (empty = valid) */
  response(op: TSimOperation, status: number, body: unknown): string[];
};

const describe = (errors: ErrorObject[] | null | undefined, dataVar: string) =>
  (errors ?? []).map(
    (e) =>
      `${dataVar}${e.instancePath} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
  );

/** Parameters as one object schema; a required parameter with a default counts as optional (the server applies it). */
function paramsSchema(params: readonly TSimParameter[], where: string): TJsonSchema {
  const mine = params.filter((p) => p.in === where);
  const required = mine
    .filter((p) => p.required && (p.schema as { default?: unknown } | undefined)?.default === undefined)
    .map((p) => p.name);

  return { type: 'object', properties: Object.fromEntries(mine.map((p) => [p.name, normalizeSchema(p.schema ?? {})])), required };
}

export function createValidator(onNotice: (message: string) => void): TValidator {
  const coercing = new Ajv({ strict: false, coerceTypes: 'array', validateFormats: false, allErrors: false });
  const exact = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const cache = new Map<string, ValidateFunction | null>();

  const compiled = (key: string, ajv: Ajv, schema: () => TJsonSchema): ValidateFunction | null => {
    if (!cache.has(key)) {
      try {
        cache.set(key, ajv.compile(schema()));
      } catch (err) {
        onNotice(`schema of ${key} could not be compiled; not validated (${(err as Error).message})`);
        cache.set(key, null);
      }
    }

    return cache.get(key) ?? null;
  };

  return {
    request(op, input) {
      const params = op.parameters ?? [];
      for (const where of ['path', 'query'] as const) {
        const check = compiled(`${op.operationId}:${where}`, coercing, () => paramsSchema(params, where));
        const data = { ...(where === 'path' ? input.path : input.query) };
        if (check && !check(data)) {
          return describe(check.errors, where === 'path' ? 'path' : 'query').join('; ');
        }
      }
      const body = op.requestBody;
      if (!body) {
        return undefined;
      }
      if (input.body === undefined) {
        return body.required ? 'Required request body is missing' : undefined;
      }
      const check = body.schema ? compiled(`${op.operationId}:body`, exact, () => normalizeSchema(body.schema)) : null;

      return check && !check(input.body) ? describe(check.errors, 'body').join('; ') : undefined;
    },
    response(op, status, body) {
      const schema = op.responses?.[String(status)]?.schema;
      if (!schema || body === undefined) {
        return [];
      }
      const check = compiled(`${op.operationId}:response:${status}`, exact, () => normalizeSchema(schema));

      return check && !check(stripNulls(body)) ? describe(check.errors, 'response') : [];
    },
  };
}
