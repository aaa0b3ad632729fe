import { ExpressionError, FlowError } from '../errors';
import { evaluateTemplate } from '../expressions/evaluate-template';
import type { TFlowContext } from '../model/flow-context-schema';
import type { TFlowClockifyNode, TFlowHttpNode } from '../model/node-schemas';
import { startsWithSecretRef } from '../model/secret-refs';
import type { TClockifyRequest, THttpRequest } from '../ports';
import { AUTO_BOUND_PATH_PARAMETERS } from '../validate/check-operations';
import type { TEngineEvaluator } from './execution-types';

/** Runs one field's evaluation and tags an ExpressionError with the field it came from. */
async function inField<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExpressionError) {
      error.field = field;
    }
    throw error;
  }
}

/** Each expression of `record` (a node's `prefix` field), against `context`; names that evaluate to nothing are left out. */
async function evaluateRecord(env: { evaluator: TEngineEvaluator; context: TFlowContext }, record: Record<string, string>, prefix: string) {
  const { evaluator, context } = env;
  const result: Record<string, string> = {};
  for (const [name, expression] of Object.entries(record)) {
    const value = await inField(`${prefix}.${name}`, () => evaluateTemplate(evaluator, expression, context));
    if (value !== undefined) {
      result[name] = value;
    }
  }

  return result;
}

const nothing = (field: string, what: string) => {
  const error = new ExpressionError('EXPRESSION_ERROR', `${what} evaluated to nothing`);
  error.field = field;

  return error;
};

/**
 * Evaluates a Clockify node's mappings. A path parameter that evaluates to nothing is an error; a query
 * parameter that does is left out. An unmapped `workspaceId` is bound to the execution's workspace.
 */
export async function buildClockifyRequest(
  node: TFlowClockifyNode,
  context: TFlowContext,
  evaluator: TEngineEvaluator,
): Promise<TClockifyRequest> {
  const path = await evaluateRecord({ evaluator, context }, node.data.path, 'data.path');
  for (const name of Object.keys(node.data.path)) {
    if (path[name] === undefined) {
      throw nothing(`data.path.${name}`, `path parameter "${name}"`);
    }
  }
  for (const name of AUTO_BOUND_PATH_PARAMETERS) {
    if (node.data.path[name] === undefined) {
      path[name] = context.workspace.id;
    }
  }
  const query = await evaluateRecord({ evaluator, context }, node.data.query, 'data.query');
  const bodyExpression = node.data.body;
  const body = bodyExpression === undefined ? undefined : await inField('data.body', () => evaluator.evaluate(bodyExpression, context));

  return body === undefined
    ? { operationId: node.data.operationId, path, query }
    : { operationId: node.data.operationId, path, query, body };
}

/** Evaluates an HTTP node's URL (must give an http(s) URL, or start with a secret), headers (nothing → header left out) and body. */
export async function buildHttpRequest(node: TFlowHttpNode, context: TFlowContext, evaluator: TEngineEvaluator): Promise<THttpRequest> {
  const url = await inField('data.url', () => evaluateTemplate(evaluator, node.data.url, context));
  if (url === undefined) {
    throw nothing('data.url', 'the URL');
  }
  // A URL that is a secret (a Slack webhook, say) is checked by the port once the value is in.
  if (!startsWithSecretRef(url) && !/^https?:\/\/[^/?#\s]+/i.test(url)) {
    throw new FlowError('STEP_FAILED', `the URL must start with http:// or https:// and a host, got "${url.slice(0, 100)}"`, {
      details: { field: 'data.url' },
    });
  }
  const headers = await evaluateRecord({ evaluator, context }, node.data.headers, 'data.headers');
  const bodyExpression = node.data.body;
  const body = bodyExpression === undefined ? undefined : await inField('data.body', () => evaluator.evaluate(bodyExpression, context));

  return body === undefined ? { method: node.data.method, url, headers } : { method: node.data.method, url, headers, body };
}
