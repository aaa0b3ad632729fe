import type { TErrorKind } from '../errors';
import type { TEvaluator } from '../expressions/create-evaluator';
import type { TFlowContext, TStepOutput } from '../model/flow-context-schema';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowNodeKind } from '../model/node-schemas';
import type { TFlowJournal, TFlowPorts, TStepRequest } from '../ports';

export type TExecuteFlowInput = {
  definition: TFlowDefinition;
  context: TFlowContext;
  journal: TFlowJournal;
  ports: TFlowPorts;
  evaluator: TEvaluator;
  /** Evaluate everything and list the requests, but call no port (and record them as `dry-run`). */
  dryRun?: boolean;
};

/** A failure as plain data, ready to store in the execution log. */
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
 * `skipped` a node no live edge reached, `reused` an action whose output came from the journal.
 */
export type TNodeTrace = {
  nodeId: string;
  kind: TFlowNodeKind;
  state: 'triggered' | 'passed' | 'blocked' | 'skipped' | 'succeeded' | 'reused' | 'dry-run';
};

export type TDryRunRequest = { nodeId: string; kind: 'clockify' | 'http'; request: TStepRequest };

type TOutcomeBase = { steps: Record<string, TStepOutput>; trace: TNodeTrace[] };

export type TFlowOutcome =
  | (TOutcomeBase & { status: 'succeeded'; dryRunRequests?: TDryRunRequest[] })
  | (TOutcomeBase & { status: 'failed'; nodeId?: string; error: TStepError })
  | (TOutcomeBase & { status: 'retry'; nodeId: string; error: TStepError; retryAfterMs?: number });

export type TEngineEvaluator = Pick<TEvaluator, 'evaluate' | 'check'>;
