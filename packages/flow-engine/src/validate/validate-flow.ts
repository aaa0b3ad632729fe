import { createEvaluator, type TEvaluator } from '../expressions/create-evaluator';
import { ZFlowDefinitionSchema } from '../model/flow-definition-schema';
import { checkBranches } from './check-branches';
import { checkExpressions } from './check-expressions';
import { checkLoops } from './check-loops';
import { checkNodeRules } from './check-node-rules';
import { checkOperations } from './check-operations';
import { checkSecrets } from './check-secrets';
import { checkStructure } from './check-structure';
import { checkTriggerEvents } from './check-trigger-events';
import type { TFlowIssue, TOperationInfo } from './flow-issue';
import { mapSchemaIssues } from './map-schema-issues';

export type TValidateFlowOptions = {
  /** The Clockify catalogue; without it operations and parameters are not checked (e.g. offline editor). */
  operations?: readonly TOperationInfo[];
  /** Known Clockify event names; without it trigger events are not checked. */
  eventTypes?: readonly string[];
  /** The evaluator whose `check` parses expressions; pass the server's (RE2) one to vet regexes too. */
  evaluator?: Pick<TEvaluator, 'check'>;
  /** The workspace's secret names; without it `$secret` names are checked for shape only. */
  secrets?: readonly string[];
};

let defaultEvaluator: TEvaluator | undefined;

/**
 * Everything that can be known about a flow before it runs. A document that fails the schema is
 * reported with schema issues only (mapped to node ids and fields); the other checks need its shape.
 * Issues come in a stable order: structure, branches, loops, node rules, events, expressions, secrets, operations.
 */
export function validateFlow(definition: unknown, options: TValidateFlowOptions = {}): TFlowIssue[] {
  const parsed = ZFlowDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    return mapSchemaIssues(parsed.error.issues, definition);
  }
  defaultEvaluator ??= createEvaluator();
  const flow = parsed.data;

  return [
    ...checkStructure(flow),
    ...checkBranches(flow),
    ...checkLoops(flow),
    ...checkNodeRules(flow),
    ...(options.eventTypes ? checkTriggerEvents(flow, options.eventTypes) : []),
    ...checkExpressions(flow, options.evaluator ?? defaultEvaluator),
    ...checkSecrets(flow, options.secrets),
    ...(options.operations ? checkOperations(flow, options.operations) : []),
  ];
}
