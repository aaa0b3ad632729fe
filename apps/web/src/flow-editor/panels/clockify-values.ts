import type { TFlowClockifyNode, TFlowIssue, TOperationInfo } from '@uw/flow-engine';

import {
  flattenSchema,
  isFieldset,
  missingOperationFields,
  operationSchemas,
  pruneValue,
  type TFormValue,
  type TJsonSchema,
  type TOperationSchemas,
  type TOperationShape,
  type TOperationValues,
} from '../../components/schema-form';
import { fromExpression, hasHole, isHole, toExpression } from '../values/json-template';

type TData = TFlowClockifyNode['data'];

/** Path and query parameters as form values: literals as they are, computed ones as holes. */
function recordToForm(record: Record<string, string>): TFormValue {
  return Object.fromEntries(Object.entries(record).map(([k, expr]) => [k, fromExpression(expr) ?? { $expr: expr }]));
}

function formToRecord(value: TFormValue): Record<string, string> {
  const pruned = pruneValue(value) as TFormValue;

  return Object.fromEntries(
    Object.entries(pruned)
      .map(([k, v]) => [k, toExpression(v)] as const)
      .filter(([, expr]) => expr !== ''),
  );
}

/** Holes only where the form has a leaf (a computed array or object cannot be shown field by field). */
export function holesAtLeaves(value: unknown, schema: TJsonSchema): boolean {
  if (isHole(value)) {
    const s = flattenSchema(schema);

    return !isFieldset(s) && !(s.type === 'array' && !!s.items);
  }
  if (!hasHole(value)) return true;
  const s = flattenSchema(schema);
  if (Array.isArray(value)) return value.every((v) => holesAtLeaves(v, (s.items && !Array.isArray(s.items) ? s.items : {}) as TJsonSchema));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).every(([k, v]) => holesAtLeaves(v, s.properties?.[k] ?? {}));
  }

  return true;
}

/** Whether the stored body can be edited field by field in the operation's form (else it is edited raw). */
export function bodyFitsForm(body: string | undefined, schemas: TOperationSchemas | null): boolean {
  if (body === undefined || body.trim() === '') return true;
  if (!schemas?.body) return false;
  const value = fromExpression(body);
  if (value === undefined || isHole(value)) return false;

  return isFieldset(schemas.body)
    ? typeof value === 'object' && value !== null && !Array.isArray(value) && holesAtLeaves(value, schemas.body)
    : true;
}

export function toFormValues(data: TData): TOperationValues {
  const body = data.body === undefined ? undefined : fromExpression(data.body);

  return { path: recordToForm(data.path), query: recordToForm(data.query), ...(body === undefined ? {} : { body }) };
}

/** The node's data for the form's values: each part as the JSONata the engine evaluates. */
export function fromFormValues(
  data: TData,
  values: TOperationValues,
  op: { schemas: TOperationSchemas | null; bodyRequired: boolean },
): TData {
  const { schemas, bodyRequired } = op;
  const path = formToRecord(values.path);
  const query = formToRecord(values.query);
  if (!schemas?.body) return { ...data, path, query, body: undefined };
  const body = isFieldset(schemas.body) ? pruneValue(values.body ?? {}) : pruneValue(values.body, false);
  const empty = body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);

  return { ...data, path, query, body: empty ? (bodyRequired ? '{}' : undefined) : toExpression(body) };
}

export const schemasOf = (op: TOperationShape) => operationSchemas(op, { omit: ['workspaceId'] });

/**
 * Required fields of Clockify actions' bodies that are not set, as problems (path and query parameters are
 * the validator's): "createTag needs the body field name".
 */
export function missingBodyFields(
  nodes: readonly { id: string; kind: string; data: unknown }[],
  operations: readonly TOperationInfo[] | undefined,
): TFlowIssue[] {
  if (!operations) return [];
  const byId = new Map(operations.map((o) => [o.operationId, o]));

  return nodes.flatMap((n) => {
    if (n.kind !== 'clockify') return [];
    const data = n.data as TData;
    const op = byId.get(data.operationId) as (TOperationInfo & TOperationShape) | undefined;
    if (!op?.parameters || data.body === undefined) return [];
    const schemas = schemasOf(op);
    if (!bodyFitsForm(data.body, schemas)) return [];

    return missingOperationFields(schemas, toFormValues(data))
      .filter((f) => f.startsWith('body.'))
      .map((f) => ({
        code: 'MISSING_PARAMETER' as const,
        severity: 'error' as const,
        nodeId: n.id,
        field: `data.${f}`,
        message: `${data.operationId} needs the body field "${f.slice(5)}"`,
      }));
  });
}
