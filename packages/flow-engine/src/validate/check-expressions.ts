import type { TCheckResult, TEvaluator } from '../expressions/create-evaluator';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowNode } from '../model/node-schemas';
import type { TFlowIssue } from './flow-issue';

/** Every expression a node holds, with its field path (`data.url`, `data.headers.Authorization`). */
export function expressionFields(node: TFlowNode): { field: string; expression: string }[] {
  const entries = (prefix: string, record: Record<string, string>) =>
    Object.entries(record).map(([name, expression]) => ({ field: `${prefix}.${name}`, expression }));
  const body = (expression: string | undefined) => (expression === undefined ? [] : [{ field: 'data.body', expression }]);
  switch (node.kind) {
    case 'trigger':
      return [];
    case 'condition':
      return [{ field: 'data.expression', expression: node.data.expression }];
    case 'clockify':
      return [...entries('data.path', node.data.path), ...entries('data.query', node.data.query), ...body(node.data.body)];
    case 'http':
      return [{ field: 'data.url', expression: node.data.url }, ...entries('data.headers', node.data.headers), ...body(node.data.body)];
    case 'switch':
      return node.data.cases.map((entry, index) => ({ field: `data.cases.${index}.expression`, expression: entry.expression }));
    case 'forEach':
      return [{ field: 'data.items', expression: node.data.items }];
    case 'set':
      return entries('data.values', node.data.values);
    case 'wait':
      return [
        ...(node.data.seconds === undefined ? [] : [{ field: 'data.seconds', expression: node.data.seconds }]),
        ...(node.data.until === undefined ? [] : [{ field: 'data.until', expression: node.data.until }]),
      ];
  }
}

/** Parses every expression: syntax (with position), length, unknown functions, unsupported regexes. */
export function checkExpressions(definition: TFlowDefinition, evaluator: Pick<TEvaluator, 'check'>): TFlowIssue[] {
  const issues: TFlowIssue[] = [];
  for (const node of definition.nodes) {
    for (const { field, expression } of expressionFields(node)) {
      const result: TCheckResult = evaluator.check(expression);
      if (!result.ok) {
        const where = field.replace(/^data\./, '');
        issues.push({
          code: result.code,
          severity: 'error',
          nodeId: node.id,
          field,
          position: result.position,
          message: `${where}: ${result.message}`,
        });
      }
    }
  }

  return issues;
}
