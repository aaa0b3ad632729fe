import type { TFlowContext } from '../model/flow-context-schema';
import type { TDecisionEntry } from '../ports';
import type { TBudgetTracker } from './budgets';
import type { TDryRunRequest, TEngineEvaluator, TExecuteFlowInput, TFlowOutcome, TNodeTrace, TStepError } from './execution-types';
import type { TFlowPlan } from './flow-plan';

/** One executeFlow call's state. */
export type TRun = {
  input: TExecuteFlowInput;
  plan: TFlowPlan;
  /** The input's evaluator with `$item`/`$index` bound inside loops. */
  evaluator: TEngineEvaluator;
  /** The top level's steps: what the outcome reports. */
  rootSteps: Record<string, unknown>;
  trace: TNodeTrace[];
  dryRunRequests: TDryRunRequest[];
  budget: TBudgetTracker;
  now: () => number;
  executionId: string;
};

/** Where a node runs: the item path (empty at the top level), the steps it sees, the current loop item. */
/** The node being visited, in which frame, under which step key. */
export type TNodeAt<TNode> = { node: TNode; frame: TFrame; key: string };

export type TFrame = { path: readonly number[]; steps: Record<string, unknown>; loop?: { item: unknown; index: number } };

/** The run ends here (failed, retry, parked). */
export type TStop = { stop: TFlowOutcome };

/** A node ran: its trace state, the branch its live edges carry (undefined: all of them), trace extras. */
export type TVisit = { state: TNodeTrace['state']; branch?: string; extra?: Partial<TNodeTrace> } | TStop;

export function contextOf(run: TRun, frame: TFrame): TFlowContext {
  const { loop: _outer, ...base } = run.input.context;

  return frame.loop ? { ...base, steps: frame.steps, loop: frame.loop } : { ...base, steps: frame.steps };
}

export function failedStop(run: TRun, error: TStepError, at?: { nodeId: string; key: string }): TStop {
  return { stop: { status: 'failed', ...(at ?? {}), error, steps: run.rootSteps, trace: run.trace } };
}

/**
 * A field's evaluation failed: a transient failure (`kind: 'operational'`, e.g. the sandbox lost its worker)
 * is retried — each retry counts an attempt, up to the caller's cap — and anything else fails the run.
 */
export function evaluationStop(run: TRun, error: TStepError, at: { nodeId: string; key: string }): TStop {
  if (error.kind === 'operational') {
    return { stop: { status: 'retry', ...at, error, steps: run.rootSteps, trace: run.trace } };
  }

  return failedStop(run, error, at);
}

/** The decision recorded under `key` in an earlier run of this execution, when the journal can tell. */
export async function recall<TKind extends TDecisionEntry['kind']>(
  run: TRun,
  key: string,
  kind: TKind,
): Promise<Extract<TDecisionEntry, { kind: TKind }> | undefined> {
  if (run.input.dryRun) return undefined;
  const entry = await run.input.journal.recorded?.(key);

  return entry?.kind === kind ? (entry as Extract<TDecisionEntry, { kind: TKind }>) : undefined;
}
