import { findSecretCalls } from '../expressions/secret-calls';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import { isActionNode, type TFlowNode } from '../model/node-schemas';
import { SECRET_NAME_PATTERN } from '../model/secret-refs';
import { expressionFields } from './check-expressions';
import type { TFlowIssue } from './flow-issue';

/** The secret names a node's fields call `$secret` with (literal names only), each once. */
export function secretNamesOfNode(node: TFlowNode): string[] {
  const names = expressionFields(node).flatMap(({ expression }) => findSecretCalls(expression).map((call) => call.name));

  return [...new Set(names.filter((name): name is string => name !== null))];
}

/** The secret names a definition uses, each once, in order of appearance. */
export function secretNamesOf(definition: TFlowDefinition): string[] {
  return [...new Set(definition.nodes.flatMap(secretNamesOfNode))];
}

function problemOf(node: TFlowNode, name: string | null, known: ReadonlySet<string> | null): Pick<TFlowIssue, 'code' | 'message'> | null {
  if (!isActionNode(node)) {
    return {
      code: 'SECRET_OUTSIDE_ACTION',
      message: '$secret may be used only in the fields of an HTTP or Clockify action (it is resolved when the request is sent)',
    };
  }
  if (name === null) {
    return { code: 'SECRET_NAME_NOT_LITERAL', message: '$secret takes one name written as a string literal, e.g. $secret("api-key")' };
  }
  if (!SECRET_NAME_PATTERN.test(name)) {
    return { code: 'SECRET_NAME_INVALID', message: `"${name}" is not a valid secret name (letters, digits, _ - . ; at most 64)` };
  }
  if (known && !known.has(name)) {
    return { code: 'SECRET_UNKNOWN', message: `secret "${name}" does not exist in this workspace: create it under Settings → Secrets` };
  }

  return null;
}

/**
 * `$secret` uses: only in action fields, one literal name each, a valid name and (when `known` is given,
 * the workspace's secret names) an existing secret. Every problem is an error.
 */
export function checkSecrets(definition: TFlowDefinition, known?: readonly string[]): TFlowIssue[] {
  const knownSet = known ? new Set(known) : null;
  const issues: TFlowIssue[] = [];
  for (const node of definition.nodes) {
    for (const { field, expression } of expressionFields(node)) {
      for (const call of findSecretCalls(expression)) {
        const problem = problemOf(node, call.name, knownSet);
        if (problem) {
          const where = field.replace(/^data\./, '');
          issues.push({
            ...problem,
            severity: 'error',
            nodeId: node.id,
            field,
            position: call.position,
            message: `${where}: ${problem.message}`,
          });
        }
      }
    }
  }

  return issues;
}
