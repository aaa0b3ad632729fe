import type { Request } from 'express';

import { UserError } from '@uw/api';

import { typesOf, type TJsonSchema } from './procedure-schemas';
import type { TRestRoute } from './route-table';

/** What a route reads from a request, before the procedure validates it. */
export type TRestParts = { params: Record<string, string>; query: Record<string, unknown>; body: Record<string, unknown> };

/** Reads a query against the route's query fields: unknown or repeated parameters are refused rather than ignored. */
export function readQuery(properties: Record<string, TJsonSchema>, query: Request['query']): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const property = properties[name];
    if (!property) {
      const known = Object.keys(properties);
      throw new UserError('VALIDATION_FAILED', `unknown query parameter "${name}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
    if (typeof raw !== 'string') throw new UserError('VALIDATION_FAILED', `give the query parameter "${name}" once, as plain text`);
    values[name] = fromText(raw, property);
  }

  return values;
}

/** A number or boolean field takes the text's value when it reads as one; anything else is left for validation to refuse. */
function fromText(raw: string, schema: TJsonSchema): unknown {
  const types = typesOf(schema);
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';

  return raw;
}

/** Reads the JSON body of a route that takes one: an object, or nothing when every field is optional. */
export function readBody(route: TRestRoute, req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (!route.body) return {};
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new UserError('VALIDATION_FAILED', 'the body must be a JSON object');

  return body as Record<string, unknown>;
}

/** The procedure's input: query or body, then `fixed`, then the path parameters (which a body cannot override). */
export function procedureInput(route: TRestRoute, parts: TRestParts): Record<string, unknown> {
  const fromBody = route.body === 'data' ? { data: parts.body } : parts.body;
  const fixed = route.fixed ?? {};
  const merged: Record<string, unknown> = { ...parts.query, ...fromBody };
  for (const [key, value] of Object.entries(fixed)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? { ...current, ...value } : value;
  }

  return { ...merged, ...parts.params };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
