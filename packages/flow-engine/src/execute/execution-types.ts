import type { TErrorKind } from '../errors';
import type { TEvaluator } from '../expressions/create-evaluator';
import type { TFlowContext } from '../model/flow-context-schema';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowNodeKind } from '../model/node-schemas';
import type { TFlowJournal, TFlowPorts, TStepRequest } from '../ports';

export type TExecuteFlowInput = {
  definition: TFlowDefinition;
  context: TFlowContext;
  journal: TFlowJournal;
  ports: TFlowPorts;
  evaluator: TEvaluator;
  /** Evaluate everything and list the requests, but call no port (and record them as `dry-run`); waits do not park. */
  dryRun?: boolean;
  /**
   * The nonce `$secret("name")` placeholders carry (see `secretPlaceholder`); the caller's ports swap
   * placeholders with this marker for the values just before sending. Default '' (dry runs, the editor).
   */
  secretMarker?: string;
  /** The execution's id: idempotency keys are `<executionId>:<step key>` (default: the event id). */
  executionId?: string;
  /** Per-execution limits (defaults in `BUDGET_DEFAULTS`). */
  budgets?: Partial<TBudgets>;
  /** Epoch ms when the execution started, for the time budget (default: now). */
  startedAt?: number;
  /** The clock (epoch ms), for waits and the time budget; tests inject one. */
  now?: () => number;
};

/** A failure as plain data, ready to store in the execution log. */
/** Per-execution limits. Exceeding one ends the execution `failed` with the code naming it. */
export type TBudgets = {
  /** Node runs (each loop item's nodes count, decisions replayed from the journal too). */
  maxSteps: number;
  /** Loop items over all forEach nodes of the execution. */
  maxItems: number;
  /** Wall-clock time from `startedAt` (default: when executeFlow was called). */
  maxRunMs: number;
};

export type TStepError = {
  code: string;
  message: string;
  kind: TErrorKind;
  /** The node field whose expression failed (`data.url`). */
  field?: string;
  /** Character offset in that expression. */
  position?: number;
  /** Upstream HTTP status and body, when the failure was an HTTP answer. */
  httpStatus?: number;
  body?: unknown;
  details?: Record<string, unknown>;
};

/**
 * What happened to each node, in execution order. `passed`/`blocked` are conditions (true/false),
 * `switched` a switch (its `branch` the case taken), `set` a set node, `looped` a finished forEach
 * (`items` its item count, after the traces of its items), `parked` a wait that stopped the run
 * (`until`; in a dry run the run goes on), `waited` a wait that is over, `skipped` a node no live edge
 * reached, `reused` an action whose output (or a loop item whose result) came from the journal.
 * Inside loops `key` and `path` (item indexes, outermost first) tell which item.
 */
export type TNodeTrace = {
  nodeId: string;
  kind: TFlowNodeKind;
  state:
    | 'triggered'
    | 'passed'
    | 'blocked'
    | 'skipped'
    | 'succeeded'
    | 'reused'
    | 'dry-run'
    | 'switched'
    | 'set'
    | 'looped'
    | 'parked'
    | 'waited';
  key?: string;
  path?: number[];
  branch?: string;
  items?: number;
  until?: string;
};

export type TDryRunRequest = { nodeId: string; key?: string; kind: 'clockify' | 'http'; request: TStepRequest };

type TOutcomeBase = { steps: Record<string, unknown>; trace: TNodeTrace[] };

/**
 * `filtered`: the run ended by its decisions: no action acted (nothing sent, reused or, in a dry run, built)
 * and a condition blocked or a switch routed away from every action; otherwise a run that ends is `succeeded`.
 * `parked`: a wait stopped the run. The caller stores the execution with `resumeAt` (epoch ms; `until`
 * the same as ISO text), holds no worker for it, and runs it again from the start with the same journal
 * at or after that time: everything before the wait is replayed from the journal, then it goes on.
 */
export type TFlowOutcome =
  | (TOutcomeBase & { status: 'succeeded'; dryRunRequests?: TDryRunRequest[] })
  | (TOutcomeBase & { status: 'filtered'; dryRunRequests?: TDryRunRequest[] })
  | (TOutcomeBase & { status: 'failed'; nodeId?: string; key?: string; error: TStepError })
  | (TOutcomeBase & { status: 'retry'; nodeId: string; key?: string; error: TStepError; retryAfterMs?: number })
  | (TOutcomeBase & { status: 'parked'; nodeId: string; key: string; until: string; resumeAt: number });

export type TEngineEvaluator = Pick<TEvaluator, 'evaluate' | 'check'>;
