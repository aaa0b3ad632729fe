import type { RJSFSchema, UiSchema } from '@rjsf/utils';

import type { TOperation, TOperationParameter } from '../../../trpc/types';

export type TRequestValues = { path: Record<string, string>; query: Record<string, unknown>; body?: unknown };

function paramSchema(p: TOperationParameter): RJSFSchema {
  const base: RJSFSchema = p.schema && typeof p.schema === 'object' ? (p.schema as RJSFSchema) : { type: 'string' };

  return { ...base, title: p.name, ...(p.description ? { description: p.description } : {}) };
}

function group(params: TOperationParameter[], forceRequired: boolean): RJSFSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, paramSchema(p)])),
    required: params.filter((p) => forceRequired || p.required).map((p) => p.name),
  };
}

/** One JSON schema for the parameters form: `{ path: {…}, query: {…} }` (header parameters are set by the server). */
export function parametersSchema(op: TOperation): RJSFSchema {
  const path = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  const properties: Record<string, RJSFSchema> = {};
  if (path.length > 0) properties.path = { ...group(path, true), title: 'Path parameters' };
  if (query.length > 0) properties.query = { ...group(query, false), title: 'Query parameters' };

  return { type: 'object', properties };
}

/** Bound path parameters (workspaceId: the caller's workspace; userId: the caller) start filled in. */
export function initialParameters(op: TOperation, session: { workspaceId: string | null; userId: string | null }): TRequestValues {
  const path: Record<string, string> = {};
  for (const b of op.bindings) {
    const value = b.value ?? (b.source === 'workspace' ? session.workspaceId : session.userId);
    if (value) path[b.name] = value;
  }

  return { path, query: {} };
}

/** A bound workspaceId cannot be changed (the server refuses another workspace); the form says so. */
export function parametersUiSchema(op: TOperation): UiSchema {
  const path = Object.fromEntries(
    op.bindings.map((b) => [
      b.name,
      b.overridable
        ? { 'ui:help': 'Defaults to you; another user id may be entered.' }
        : { 'ui:readonly': true, 'ui:help': 'Always this workspace.' },
    ]),
  );

  return { 'ui:submitButtonOptions': { norender: true }, path };
}

/** A small example value for a schema: its example/default/first enum value, or a placeholder by type. */
export function exampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 6) return undefined;
  const s = schema as RJSFSchema;
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0];
  if (variant) return exampleFromSchema(variant, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    const required = new Set(s.required ?? []);
    const entries = Object.entries(s.properties ?? {}).filter(([name]) => required.size === 0 || required.has(name) || depth === 0);

    return Object.fromEntries(entries.map(([name, sub]) => [name, exampleFromSchema(sub, depth + 1)]).filter(([, v]) => v !== undefined));
  }
  if (type === 'array')
    return s.items && !Array.isArray(s.items) ? [exampleFromSchema(s.items, depth + 1)].filter((v) => v !== undefined) : [];
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  if (type === 'string') return s.format === 'date-time' ? new Date(0).toISOString() : '';

  return undefined;
}

/** Drops empty strings and undefined so unset optional parameters are not sent. */
export function compactValues<T extends Record<string, unknown>>(values: T | undefined): T {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined && v !== '')) as T;
}
