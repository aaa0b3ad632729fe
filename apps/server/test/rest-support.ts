import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

export type TRestAnswer = { status: number; body: unknown; headers: Headers };
type TOperation = { operationId: string; responses: Record<string, unknown> };
export type TOpenApi = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, TOperation>> };

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks answers against the served OpenAPI document: the operation must list the answer's status, and the
 * body must validate (JSON Schema 2020-12, as OpenAPI 3.1 takes it) against that response's schema.
 */
export function createDocumentValidator(doc: TOpenApi) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(doc, 'openapi.json');
  const seen: { operationId: string; status: number }[] = [];

  return {
    seen,
    check(template: string, method: string, answer: TRestAnswer) {
      const operation = doc.paths[template]?.[method];
      expect(operation, `${method.toUpperCase()} ${template} is in the document`).toBeDefined();
      const status = String(answer.status);
      expect(Object.keys(operation!.responses), `${operation!.operationId} documents ${status}`).toContain(status);
      const ref = `openapi.json#/${pointer('paths', template, method, 'responses', status, 'content', 'application/json', 'schema')}`;
      const validate = ajv.compile({ $ref: ref });
      const valid = validate(answer.body);
      expect(valid ? null : { operation: operation!.operationId, status, errors: validate.errors, body: answer.body }).toBeNull();
      seen.push({ operationId: operation!.operationId, status: answer.status });
    },
  };
}

/** Calls one REST route with fetch: JSON in and out, a bearer key when given. */
export async function callRest(
  base: string,
  req: { method: string; path: string; key?: string; body?: unknown; headers?: Record<string, string> },
): Promise<TRestAnswer> {
  const headers: Record<string, string> = { ...(req.key ? { authorization: `Bearer ${req.key}` } : {}), ...req.headers };
  if (req.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${req.path}`, {
    method: req.method.toUpperCase(),
    headers,
    body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
  });
  const text = await res.text();
  expect(res.headers.get('content-type') ?? '', `${req.method} ${req.path} answers JSON`).toMatch(/^application\/json/);

  return { status: res.status, body: JSON.parse(text) as unknown, headers: res.headers };
}
