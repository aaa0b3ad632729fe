import { findTrigger } from '../graph/find-trigger';
import { validateFlow } from '../validate/validate-flow';
import { createBudgetTracker } from './budgets';
import type { TExecuteFlowInput, TFlowOutcome, TNodeTrace, TStepError } from './execution-types';
import { planFlow } from './flow-plan';
import { withLoopBindings } from './loop-bindings';
import { runScope } from './run-scope';
import type { TRun } from './run-state';

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

/**
 * Runs a flow from the trigger (see `runScope` for the fan-in rule, `runLoop` for loops). The first
 * failing step ends the run with `failed` (permanent) or `retry` (transient: the caller reschedules,
 * and the journal makes the next run skip what already succeeded); a wait ends it with `parked`. The
 * engine never sleeps. Budgets (`BUDGET_DEFAULTS`) end a run `failed` with BUDGET_STEPS, BUDGET_ITEMS or
 * BUDGET_TIME. The caller's `context` is not modified; the outcome carries the steps.
 */
export async function executeFlow(input: TExecuteFlowInput): Promise<TFlowOutcome> {
  const now = input.now ?? (() => Date.now());
  const rootSteps = { ...input.context.steps };
  const trace: TNodeTrace[] = [];
  const invalid = invalidFlow(input);
  const trigger = findTrigger(input.definition);
  if (invalid || !trigger) {
    const error = invalid ?? { code: 'FLOW_INVALID', kind: 'user' as const, message: 'the flow has no trigger' };

    return { status: 'failed', error, steps: rootSteps, trace };
  }
  const run: TRun = {
    input,
    plan: planFlow(input.definition, trigger.id),
    evaluator: withLoopBindings(input.evaluator),
    rootSteps,
    trace,
    dryRunRequests: [],
    budget: createBudgetTracker(input.budgets, now, input.startedAt ?? now()),
    now,
    executionId: input.executionId ?? input.context.event.id,
  };
  const stopped = await runScope(run, { id: null, frame: { path: [], steps: rootSteps }, entry: new Set() });
  if (stopped) {
    return stopped.stop;
  }

  const status = endedByDecisions(trace) ? 'filtered' : 'succeeded';

  return input.dryRun ? { status, steps: rootSteps, trace, dryRunRequests: run.dryRunRequests } : { status, steps: rootSteps, trace };
}

const ACTED = new Set<TNodeTrace['state']>(['succeeded', 'reused', 'dry-run']);

/** No action acted (sent, reused or built) and a decision (a blocked condition, a switch) chose the way. */
export function endedByDecisions(trace: readonly TNodeTrace[]): boolean {
  let decided = false;
  for (const t of trace) {
    if ((t.kind === 'clockify' || t.kind === 'http') && ACTED.has(t.state)) return false;
    if (t.state === 'blocked' || t.state === 'switched') decided = true;
  }

  return decided;
}
