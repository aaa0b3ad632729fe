/**
 * The flow engine's error model. Every error carries a stable UPPER_SNAKE `code` and a `kind`
 * (user = bad input, not retried; operational = transient, retried by the caller; unexpected = a bug),
 * the same three kinds as the rest of the monorepo (docs/ARCHITECTURE.md).
 */
export type TErrorKind = 'user' | 'operational' | 'unexpected';

/** Codes an expression evaluation can fail with. */
export const EXPRESSION_ERROR_CODES = [
  'EXPRESSION_SYNTAX',
  'EXPRESSION_TIMEOUT',
  'EXPRESSION_TOO_DEEP',
  'EXPRESSION_LIMIT',
  'EXPRESSION_ERROR',
  /** The sandbox's worker died evaluating it (heap limit): it was replaced. */
  'EXPRESSION_CRASHED',
] as const;
export type TExpressionErrorCode = (typeof EXPRESSION_ERROR_CODES)[number];

/** Codes of the issues `validateFlow` reports. */
export const FLOW_ISSUE_CODES = [
  'SCHEMA_INVALID',
  'TRIGGER_MISSING',
  'TRIGGER_DUPLICATE',
  'DUPLICATE_NODE_ID',
  'DUPLICATE_EDGE_ID',
  'EDGE_SOURCE_MISSING',
  'EDGE_TARGET_MISSING',
  'EDGE_INTO_TRIGGER',
  'CYCLE',
  'UNREACHABLE_NODE',
  'EXPRESSION_SYNTAX',
  'EXPRESSION_TOO_LONG',
  'UNKNOWN_FUNCTION',
  'UNSUPPORTED_REGEX',
  'UNKNOWN_EVENT',
  'UNKNOWN_OPERATION',
  'MISSING_PARAMETER',
  'UNKNOWN_PARAMETER',
  'MISSING_BODY',
  'BRANCH_INVALID',
  'BRANCH_MISSING',
  'UNKNOWN_CASE',
  'DUPLICATE_CASE',
  'SWITCH_WITHOUT_CASES',
  'LOOP_WITHOUT_BODY',
  'LOOP_BODY_ESCAPES',
  'LOOP_MAX_ITEMS',
  'SET_WITHOUT_VALUES',
  'WAIT_INVALID',
  'SCHEDULE_WITHOUT_CRON',
  'CRON_INVALID',
  'CRON_NEVER_FIRES',
  'TIMEZONE_INVALID',
  'UNKNOWN_INTERNAL_EVENT',
  'SECRET_OUTSIDE_ACTION',
  'SECRET_NAME_NOT_LITERAL',
  'SECRET_NAME_INVALID',
  'SECRET_UNKNOWN',
] as const;
export type TFlowIssueCode = (typeof FLOW_ISSUE_CODES)[number];

/** Codes a flow execution can end with (besides the expression codes). */
export const FLOW_RUN_ERROR_CODES = [
  'FLOW_INVALID',
  'STEP_FAILED',
  'STEP_UNAVAILABLE',
  'UPSTREAM_STATUS',
  'UNEXPECTED',
  /** A wait's `seconds` is not a number ≥ 0, or its `until` is not a time. */
  'WAIT_INVALID_TIME',
  /** The journal cannot give back recorded decisions (`TFlowJournal.recorded`), so a wait could never resume. */
  'WAIT_UNSUPPORTED',
  /** The execution ran more nodes than its step budget. */
  'BUDGET_STEPS',
  /** A forEach got more items than its maxItems, or the execution more loop items than its budget. */
  'BUDGET_ITEMS',
  /** The execution ran longer than its time budget. */
  'BUDGET_TIME',
] as const;
export type TFlowRunErrorCode = (typeof FLOW_RUN_ERROR_CODES)[number];

export type TFlowErrorCode = TExpressionErrorCode | TFlowIssueCode | TFlowRunErrorCode;

export class FlowError extends Error {
  readonly code: TFlowErrorCode;
  readonly kind: TErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(code: TFlowErrorCode, message: string, options: { kind?: TErrorKind; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'FlowError';
    this.code = code;
    this.kind = options.kind ?? 'user';
    this.details = options.details;
  }
}

/** A JSONata expression failed to compile or to evaluate within its budget. Never retried. */
export class ExpressionError extends FlowError {
  declare readonly code: TExpressionErrorCode;
  /** Character offset in the expression, when JSONata reports one. JSONata may overwrite it while unwinding. */
  position?: number;
  /** JSONata's own error code (e.g. `T1006`), when the failure came from JSONata. */
  jsonataCode?: string;
  /** The node field whose expression failed (`data.url`), set by the executor. */
  field?: string;

  constructor(code: TExpressionErrorCode, message: string, position?: number) {
    super(code, message, { kind: 'user' });
    this.name = 'ExpressionError';
    this.position = position;
  }
}

export function isExpressionError(value: unknown): value is ExpressionError {
  return value instanceof ExpressionError;
}
