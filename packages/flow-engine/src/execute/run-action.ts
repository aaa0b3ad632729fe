import type { TFlowContext, TStepOutput } from '../model/flow-context-schema';
import { maskSecretRefs } from '../model/secret-refs';
import type { TFlowActionNode } from '../model/node-schemas';
import type { TFlowJournal, TFlowPorts, TStepMeta, TStepRequest, TStepResponse } from '../ports';
import { buildClockifyRequest, buildHttpRequest } from './build-request';
import { classifyResponse, classifyThrown, type TFailure } from './classify-failure';
import type { TEngineEvaluator } from './execution-types';
import { withSecretBindings } from './secret-bindings';

export type TActionResult =
  { status: 'reused' | 'succeeded'; output: TStepOutput } | { status: 'dry-run'; request: TStepRequest } | TFailure;

type TRunActionInput = {
  node: TFlowActionNode;
  context: TFlowContext;
  journal: TFlowJournal;
  ports: TFlowPorts;
  evaluator: TEngineEvaluator;
  dryRun: boolean;
  /** The nonce of `$secret` placeholders in this run (see `TExecuteFlowInput.secretMarker`). */
  secretMarker: string;
  /** The step's key and idempotency key (see `TStepMeta`). */
  meta: Required<TStepMeta>;
};

const IDEMPOTENCY_HEADER = 'Idempotency-Key';

async function send(input: TRunActionInput) {
  const { node, ports, context, meta } = input;
  const evaluator = withSecretBindings(input.evaluator, input.secretMarker);
  if (node.kind === 'clockify') {
    const request = await buildClockifyRequest(node, context, evaluator);

    return { request, call: () => ports.clockify.execute(request, meta) };
  }
  const request = await buildHttpRequest(node, context, evaluator);
  const hasKey = Object.keys(request.headers).some((name) => name.toLowerCase() === IDEMPOTENCY_HEADER.toLowerCase());
  if (!hasKey) request.headers[IDEMPOTENCY_HEADER] = meta.idempotencyKey;

  return { request, call: () => ports.http.send(request, meta) };
}

/**
 * One action: reuse the journal's output if the step already succeeded; otherwise build the request
 * (HTTP requests get an `Idempotency-Key` unless the flow sets one), then (unless dry run) journal
 * `started`, call the port, classify the answer, journal the success. The port gets the request with
 * its `$secret` placeholders; the journal and a dry run's output get it with `••••` in their place.
 */
export async function runAction(input: TRunActionInput): Promise<TActionResult> {
  const { node, journal, dryRun, meta } = input;
  const base = { nodeId: node.id, key: meta.key, kind: node.kind, idempotencyKey: meta.idempotencyKey };
  const reused = await journal.completed(meta.key);
  if (reused) {
    return { status: 'reused', output: reused };
  }
  let prepared: Awaited<ReturnType<typeof send>>;
  try {
    prepared = await send(input);
  } catch (error) {
    // A field that could not be evaluated: transient (the sandbox lost its worker) → retry, else failed.
    return classifyThrown(error);
  }
  const shown = maskSecretRefs(prepared.request);
  if (dryRun) {
    await journal.record({ ...base, status: 'dry-run', request: shown });

    return { status: 'dry-run', request: shown };
  }
  await journal.started(meta.key, shown, meta);
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
  await journal.record({ ...base, status: 'succeeded', request: shown, response });

  return { status: 'succeeded', output: { status: response.status, body: response.body, headers: response.headers } };
}
