import type { ValidateFunction } from 'ajv';

import type { TOperation, TOperationParameter } from './catalogue-types';
import { compileSchema, describeErrors } from './schema-compiler';

export type TRequestInput = {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, unknown>;
};

type TCompiled = { params: Map<string, ValidateFunction | undefined>; body?: { fn: ValidateFunction | undefined } };

/** Validators are compiled on first use and kept per operation object. */
const cache = new WeakMap<TOperation, TCompiled>();

function compiledFor(op: TOperation): TCompiled {
  let entry = cache.get(op);
  if (!entry) {
    entry = { params: new Map() };
    cache.set(op, entry);
  }

  return entry;
}

function paramValidator(op: TOperation, p: TOperationParameter): ValidateFunction | undefined {
  const entry = compiledFor(op);
  const key = `${p.in}:${p.name}`;
  if (!entry.params.has(key)) entry.params.set(key, compileSchema(p.schema, 'param'));

  return entry.params.get(key);
}

function bodyValidator(op: TOperation): ValidateFunction | undefined {
  const entry = compiledFor(op);
  entry.body ??= { fn: op.requestBody ? compileSchema(op.requestBody.schema, 'body') : undefined };

  return entry.body.fn;
}

const isJson = (contentType: string) => /(^application\/json\b)|(\+json\b)/i.test(contentType);
const absent = (v: unknown) => v === undefined || v === null;

/** The problems of the parameters given `where` (required, unknown, typed). */
function checkParameters(op: TOperation, where: 'path' | 'query' | 'header', given: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const declared = op.parameters.filter((p) => p.in === where);
  for (const p of declared) {
    const value = given[p.name];
    if (absent(value) || (where === 'path' && value === '')) {
      if (p.required) issues.push(`${where} parameter "${p.name}" is required`);
      continue;
    }
    if (where === 'path' && typeof value === 'object') {
      issues.push(`path parameter "${p.name}" must be a single value (got ${JSON.stringify(value)})`);
      continue;
    }
    const validate = paramValidator(op, p);
    // Coercion may rewrite the value in place: validate a copy.
    if (validate && !validate(structuredClone(value))) {
      const got = ` (got ${JSON.stringify(value)})`;
      issues.push(...describeErrors(validate.errors, `${where} parameter "${p.name}"`).map((m) => m + got));
    }
  }
  if (where === 'header') return issues;
  const known = new Set(declared.map((p) => p.name));
  for (const [name, value] of Object.entries(given)) {
    if (known.has(name) || value === undefined) continue;
    const hint = known.size > 0 ? `known: ${[...known].join(', ')}` : 'this operation takes none';
    issues.push(`unknown ${where} parameter "${name}" for ${op.operationId} (${hint})`);
  }

  return issues;
}

/**
 * Checks a call against an operation before anything is sent: required and unknown path/query
 * parameters, parameter types (query strings are coerced, so "50" is a valid integer), and the JSON body.
 * Returns readable messages; an empty array means the request is valid.
 */
export function validateRequest(op: TOperation, input: TRequestInput = {}): string[] {
  const issues: string[] = [];
  issues.push(...checkParameters(op, 'path', input.path ?? {}));
  issues.push(...checkParameters(op, 'query', input.query ?? {}));
  issues.push(...checkParameters(op, 'header', input.headers ?? {}));
  const body = input.body;
  if (!op.requestBody) {
    if (!absent(body)) issues.push(`${op.operationId} takes no request body`);

    return issues;
  }
  if (absent(body)) {
    if (op.requestBody.required) issues.push(`request body is required for ${op.operationId}`);

    return issues;
  }
  if (!isJson(op.requestBody.contentType)) {
    issues.push(`${op.operationId} expects a ${op.requestBody.contentType} body, which this client cannot send`);

    return issues;
  }
  const validate = bodyValidator(op);
  if (validate && !validate(body)) issues.push(...describeErrors(validate.errors, 'body'));

  return issues;
}
