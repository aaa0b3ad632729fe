import type { TFlowContext, TStepOutput } from '../model/flow-context-schema';
import type { TFlowActionNode } from '../model/node-schemas';
import type { TFlowJournal, TFlowPorts, TStepRequest, TStepResponse } from '../ports';
import { buildClockifyRequest, buildHttpRequest } from './build-request';
import { classifyResponse, classifyThrown, toStepError, type TFailure } from './classify-failure';
import type { TEngineEvaluator } from './execution-types';

export type TActionResult =
  { status: 'reused' | 'succeeded'; output: TStepOutput } | { status: 'dry-run'; request: TStepRequest } | TFailure;

type TRunActionInput = {
  node: TFlowActionNode;
  context: TFlowContext;
  journal: TFlowJournal;
  ports: TFlowPorts;
  evaluator: TEngineEvaluator;
  dryRun: boolean;
};

async function send(node: TFlowActionNode, ports: TFlowPorts, context: TFlowContext, evaluator: TEngineEvaluator) {
  const meta = { nodeId: node.id };
  if (node.kind === 'clockify') {
    const request = await buildClockifyRequest(node, context, evaluator);

    return { request, call: () => ports.clockify.execute(request, meta) };
  }
  const request = await buildHttpRequest(node, context, evaluator);

  return { request, call: () => ports.http.send(request, meta) };
}

/**
 * One action: reuse the journal's output if the step already succeeded; otherwise build the request,
 * then (unless dry run) journal `started`, call the port, classify the answer, journal the success.
 */
export async function runAction({ node, context, journal, ports, evaluator, dryRun }: TRunActionInput): Promise<TActionResult> {
  const reused = await journal.completed(node.id);
  if (reused) {
    return { status: 'reused', output: reused };
  }
  let prepared: Awaited<ReturnType<typeof send>>;
  try {
    prepared = await send(node, ports, context, evaluator);
  } catch (error) {
    return { status: 'failed', error: toStepError(error) };
  }
  if (dryRun) {
    await journal.record({ nodeId: node.id, kind: node.kind, status: 'dry-run', request: prepared.request });

    return { status: 'dry-run', request: prepared.request };
  }
  await journal.started(node.id, prepared.request);
  let response: TStepResponse;
  try {
    response = await prepared.call();
  } catch (error) {
    return classifyThrown(error);
  }
  const failure = classifyResponse(response);
  if (failure) {
    return failure;
  }
  await journal.record({ nodeId: node.id, kind: node.kind, status: 'succeeded', request: prepared.request, response });

  return { status: 'succeeded', output: { status: response.status, body: response.body, headers: response.headers } };
}
