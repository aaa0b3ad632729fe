import { isFieldset, flattenSchema } from './schema-kind';
import type { TFormValue, TJsonSchema } from './types';
import { missingRequired, pruneValue } from './values';

/** The parts of an operation (the explorer's `TOperation`, or a catalogue operation) the form needs. */
export type TOperationShape = {
  path: string;
  parameters: readonly { name: string; in: string; required: boolean; schema?: unknown; description?: string | null }[];
  requestBody?: { required: boolean; schema: unknown } | null;
};

/** Object schemas for the path and query parameters (null when there are none) and the body's schema. */
export type TOperationSchemas = {
  path: TJsonSchema | null;
  query: TJsonSchema | null;
  body: TJsonSchema | null;
  bodyRequired: boolean;
};

/** The form's values: only what was set. `body` is absent until something is set in it. */
export type TOperationValues = { path: TFormValue; query: TFormValue; body?: unknown };

export type TParameterOptions = {
  /** Parameters left out of the form (e.g. `workspaceId`, which the server binds). */
  omit?: readonly string[];
  /** Parameters shown but not editable, with a note (e.g. a bound workspace id). */
  readOnly?: Readonly<Record<string, string>>;
  /** Notes under parameters (e.g. "Defaults to you"). */
  help?: Readonly<Record<string, string>>;
};

function group(params: TOperationShape['parameters'], forceRequired: boolean, options: TParameterOptions): TJsonSchema | null {
  const shown = params.filter((p) => !options.omit?.includes(p.name));
  if (shown.length === 0) return null;
  const properties = Object.fromEntries(
    shown.map((p) => {
      const base: TJsonSchema = p.schema && typeof p.schema === 'object' ? (p.schema as TJsonSchema) : { type: 'string' };
      const note = options.readOnly?.[p.name] ?? options.help?.[p.name] ?? p.description ?? undefined;
      const schema: TJsonSchema = {
        ...base,
        ...(note ? { description: note } : {}),
        ...(options.readOnly?.[p.name] ? { readOnly: true } : {}),
      };

      return [p.name, schema];
    }),
  );

  return { type: 'object', properties, required: shown.filter((p) => forceRequired || p.required).map((p) => p.name) };
}

/** Splits an operation into the form's three parts. Header parameters are the server's. */
export function operationSchemas(op: TOperationShape, options: TParameterOptions = {}): TOperationSchemas {
  const body =
    op.requestBody?.schema && typeof op.requestBody.schema === 'object' ? flattenSchema(op.requestBody.schema as TJsonSchema) : null;

  return {
    path: group(
      op.parameters.filter((p) => p.in === 'path'),
      true,
      options,
    ),
    query: group(
      op.parameters.filter((p) => p.in === 'query'),
      false,
      options,
    ),
    body,
    bodyRequired: Boolean(op.requestBody?.required),
  };
}

/** What to send: unset parameters and body fields left out; `body` only when the operation has one. */
export function operationValuesToSend(schemas: TOperationSchemas, values: TOperationValues): TOperationValues {
  const path = pruneValue(values.path) as TFormValue;
  const query = pruneValue(values.query) as TFormValue;
  if (!schemas.body) return { path, query };
  const body = isFieldset(schemas.body) ? pruneValue(values.body ?? {}) : pruneValue(values.body, false);

  return body === undefined ? { path, query } : { path, query, body };
}

/** Required fields not set, as `path.projectId`, `query.start`, `body.name`, `body.tasks[0].name`. */
export function missingOperationFields(schemas: TOperationSchemas, values: TOperationValues): string[] {
  const sent = operationValuesToSend(schemas, values);
  const prefix = (part: string) => (p: string) => `${part}.${p}`;
  const body = !schemas.body
    ? []
    : sent.body === undefined
      ? schemas.bodyRequired && !isFieldset(schemas.body)
        ? ['body']
        : missingRequired(schemas.body, {}).map(prefix('body'))
      : missingRequired(schemas.body, sent.body).map(prefix('body'));

  return [
    ...(schemas.path ? missingRequired(schemas.path, sent.path).map(prefix('path')) : []),
    ...(schemas.query ? missingRequired(schemas.query, sent.query).map(prefix('query')) : []),
    ...body,
  ];
}
