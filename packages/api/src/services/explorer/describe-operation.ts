import { exampleFromSchema, type TOperation } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import type { TCaller } from '../auth/caller';
import { bindingsFor } from './bindings';
import { requireOperation } from './catalogue-access';
import { destructiveReason } from './destructive';
import type { TOperationDetail } from './explorer.types';
import { toEndpointSummary } from './list-endpoints';

function safeExample(schema: Record<string, unknown>): unknown {
  try {
    return exampleFromSchema(schema);
  } catch {
    return null;
  }
}

function describe(op: TOperation, caller: TCaller): TOperationDetail {
  const bindings = bindingsFor(op, caller);
  const boundTo = (name: string, where: string) => (where === 'path' ? (bindings.find((b) => b.name === name)?.source ?? null) : null);

  return {
    ...toEndpointSummary(op),
    tag: op.tag,
    description: op.description,
    destructiveReason: destructiveReason(op),
    parameters: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      description: p.description,
      schema: p.schema,
      example: safeExample(p.schema),
      boundTo: boundTo(p.name, p.in),
    })),
    requestBody: op.requestBody
      ? { required: op.requestBody.required, contentType: op.requestBody.contentType, schema: op.requestBody.schema }
      : null,
    exampleBody: op.requestBody ? safeExample(op.requestBody.schema) : null,
    responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description, schema: r.schema ?? null })),
    bindings,
  };
}

/** One operation for the explorer's form: parameters, body schema with an example, responses, bindings. */
export function describeOperation(deps: TApiDeps, caller: TCaller, operationId: string): TOperationDetail {
  return describe(requireOperation(deps, operationId), caller);
}
