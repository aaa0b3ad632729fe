// @uw/flow-engine: the flow model, graph helpers, validation, sandboxed JSONata, the step runner and
// templates. Pure and browser-safe: runtime deps are zod, jsonata and re2js (pure JavaScript) only; all I/O comes in through ports.

export * from './errors';
export * from './ports';

export * from './model/node-schemas';
export * from './model/flow-definition-schema';
export * from './model/flow-context-schema';
export * from './model/masked-headers';
export * from './model/secret-refs';

export { findTrigger } from './graph/find-trigger';
export { getNextNodes } from './graph/get-next-nodes';
export { findCycles } from './graph/find-cycles';
export { topoOrder } from './graph/topo-order';
export { reachableNodes } from './graph/reachable-nodes';
export { loopBodies, innermostLoops } from './graph/loop-bodies';
export type { TFlowGraph } from './graph/flow-graph';

export { validateFlow, type TValidateFlowOptions } from './validate/validate-flow';
export type { TFlowIssue, TOperationInfo } from './validate/flow-issue';
export { AUTO_BOUND_PATH_PARAMETERS } from './validate/check-operations';
export { expressionFields } from './validate/check-expressions';
export { secretNamesOf, secretNamesOfNode } from './validate/check-secrets';
export { findSecretCalls, mentionsSecret, type TSecretCall } from './expressions/secret-calls';

export {
  createEvaluator,
  EXPRESSION_DEFAULTS,
  type TCheckResult,
  type TEvaluator,
  type TEvaluatorOptions,
} from './expressions/create-evaluator';
export { evaluateTemplate, toExpressionLiteral } from './expressions/evaluate-template';
export { ALLOWED_FUNCTIONS, BLOCKED_FUNCTIONS } from './expressions/allowed-functions';
export { toBoolean } from './expressions/to-boolean';
export { createLruCache } from './expressions/lru-cache';
export type { TRegexEngine } from './expressions/regex-engine';
export { createRe2Engine, RE2_DEFAULT_LIMITS, type TRe2EngineLimits } from './expressions/re2-engine';

export { executeFlow } from './execute/execute-flow';
export { BUDGET_DEFAULTS, type TBudgets } from './execute/budgets';
export { stepKey, idempotencyKeyOf } from './execute/step-key';

export { parseCron, cronNeverFires, type TCron, type TCronParse } from './cron/parse-cron';
export { nextFireAfter, nextFireOf } from './cron/next-fire-after';
export { isValidTimeZone } from './cron/zoned-time';
export { classifyResponse, classifyThrown } from './execute/classify-failure';
export { CLOCKIFY_TOKEN_PLACEHOLDER, clockifyCurl, curlCommand, shellQuote, type TCurlRequest } from './http/curl-command';
export type { TDryRunRequest, TExecuteFlowInput, TFlowOutcome, TNodeTrace, TStepError } from './execute/execution-types';

export { FLOW_TEMPLATES, getFlowTemplate } from './templates/flow-templates';
export type { TFlowTemplate } from './templates/flow-template';
export { TAG_TIME_ENTRIES_WITHOUT_PROJECT } from './templates/tag-time-entries-without-project';
export { FORWARD_EVENTS_TO_HTTP } from './templates/forward-events-to-http';
export { CREATE_PROJECT_FROM_CUSTOM_WEBHOOK } from './templates/create-project-from-custom-webhook';
export { APPROVE_SHORT_TIME_OFF, SHORT_TIME_OFF_DAYS } from './templates/approve-short-time-off';
export { ROUTE_TIME_OFF_REQUESTS } from './templates/route-time-off-requests';
export { WEEKLY_UNDER_40_HOURS, WEEKLY_HOURS_TARGET } from './templates/weekly-under-40-hours';
export { NOTIFY_EXECUTION_FAILED } from './templates/notify-execution-failed';
