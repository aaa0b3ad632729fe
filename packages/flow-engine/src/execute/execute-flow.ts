import { toBoolean } from '../expressions/to-boolean';
import { findTrigger } from '../graph/find-trigger';
import { topoOrder } from '../graph/topo-order';
import type { TFlowContext } from '../model/flow-context-schema';
import type { TFlowNode } from '../model/node-schemas';
import { validateFlow } from '../validate/validate-flow';
import { toStepError } from './classify-failure';
import type { TDryRunRequest, TExecuteFlowInput, TFlowOutcome, TNodeTrace, TStepError } from './execution-types';
import { runAction } from './run-action';

type TRun = { input: TExecuteFlowInput; context: TFlowContext; trace: TNodeTrace[]; dryRunRequests: TDryRunRequest[] };
type TVisit = { state: TNodeTrace['state']; isLive: boolean } | { failure: TFlowOutcome };

const failed = (run: TRun, error: TStepError, nodeId?: string): TFlowOutcome => ({
  status: 'failed',
  ...(nodeId === undefined ? {} : { nodeId }),
  error,
  steps: run.context.steps,
  trace: run.trace,
});

/**
 * Validation results by evaluator and definition object: a stored flow version is one immutable object
 * run many times, so it is checked once per process (an edited definition is a new object).
 */
const validated = new WeakMap<object, WeakMap<object, TStepError | null>>();

function invalidFlow(input: TExecuteFlowInput): TStepError | undefined {
  const definition = input.definition as unknown;
  if (typeof definition !== 'object' || definition === null) return checkFlow(input);
  let byDefinition = validated.get(input.evaluator);
  if (!byDefinition) validated.set(input.evaluator, (byDefinition = new WeakMap()));
  if (byDefinition.has(definition)) return byDefinition.get(definition) ?? undefined;
  const result = checkFlow(input);
  byDefinition.set(definition, result ?? null);

  return result;
}

function checkFlow(input: TExecuteFlowInput): TStepError | undefined {
  const errors = validateFlow(input.definition, { evaluator: input.evaluator }).filter((issue) => issue.severity === 'error');
  if (errors.length === 0) {
    return undefined;
  }
  const summary = errors.slice(0, 3).map((issue) => (issue.nodeId ? `${issue.nodeId}: ${issue.message}` : issue.message));

  return { code: 'FLOW_INVALID', kind: 'user', message: `the flow cannot run: ${summary.join('; ')}`, details: { issues: errors } };
}

/** Runs one reached node; conditions and successful actions tell whether their outgoing edges are live. */
async function visit(node: TFlowNode, run: TRun): Promise<TVisit> {
  const { input, context } = run;
  if (node.kind === 'trigger') {
    return { state: 'triggered', isLive: true };
  }
  if (node.kind === 'condition') {
    let value: boolean;
    try {
      value = toBoolean(await input.evaluator.evaluate(node.data.expression, context));
    } catch (error) {
      return { failure: failed(run, { ...toStepError(error), field: 'data.expression' }, node.id) };
    }
    await input.journal.record({ nodeId: node.id, kind: 'condition', result: value });

    return { state: value ? 'passed' : 'blocked', isLive: value };
  }
  const result = await runAction({
    node,
    context,
    journal: input.journal,
    ports: input.ports,
    evaluator: input.evaluator,
    dryRun: input.dryRun ?? false,
  });
  if (result.status === 'failed' || result.status === 'retry') {
    return { failure: { ...result, nodeId: node.id, steps: context.steps, trace: run.trace } };
  }
  if (result.status === 'dry-run') {
    run.dryRunRequests.push({ nodeId: node.id, kind: node.kind, request: result.request });
  } else {
    context.steps[node.id] = result.output;
  }

  return { state: result.status, isLive: true };
}

/**
 * Runs a flow once, from the trigger, in `topoOrder`. A node runs when at least one incoming edge is
 * live: its source ran (trigger, successful or reused action) or is a condition that came out true;
 * other nodes are skipped. The first failing step ends the run with `failed` (permanent) or `retry`
 * (transient: the caller reschedules, and the journal makes the next run skip what already succeeded).
 * The engine never sleeps. The caller's `context` is not modified; the outcome carries the steps.
 */
export async function executeFlow(input: TExecuteFlowInput): Promise<TFlowOutcome> {
  const run: TRun = { input, context: { ...input.context, steps: { ...input.context.steps } }, trace: [], dryRunRequests: [] };
  const invalid = invalidFlow(input);
  const trigger = findTrigger(input.definition);
  if (invalid || !trigger) {
    return failed(run, invalid ?? { code: 'FLOW_INVALID', kind: 'user', message: 'the flow has no trigger' });
  }
  const nodes = new Map(input.definition.nodes.map((node) => [node.id, node]));
  const live = new Set<string>();
  for (const nodeId of topoOrder(input.definition, trigger.id)) {
    const node = nodes.get(nodeId);
    const isReached = input.definition.edges.some((edge) => edge.target === nodeId && live.has(edge.source));
    if (!node || (node.kind !== 'trigger' && !isReached)) {
      run.trace.push({ nodeId, kind: node?.kind ?? 'trigger', state: 'skipped' });
      continue;
    }
    const visited = await visit(node, run);
    if ('failure' in visited) {
      return visited.failure;
    }
    if (visited.isLive) {
      live.add(nodeId);
    }
    run.trace.push({ nodeId, kind: node.kind, state: visited.state });
  }
  const steps = run.context.steps;

  return input.dryRun
    ? { status: 'succeeded', steps, trace: run.trace, dryRunRequests: run.dryRunRequests }
    : { status: 'succeeded', steps, trace: run.trace };
}
