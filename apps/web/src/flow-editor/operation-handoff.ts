import { toExpressionLiteral, type TFlowDefinition } from '@uw/flow-engine';

import { EMPTY_DEFINITION } from './flow-document';

/** A fixed value as a JSONata expression: strings as string literals, everything else as JSON (valid JSONata). */
export function valueToExpression(value: unknown): string {
  if (typeof value === 'string') return toExpressionLiteral(value);

  return JSON.stringify(value, null, 2) ?? 'null';
}

function toMapping(values: Record<string, unknown> | undefined, skip: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {})
      .filter(([key, v]) => v !== undefined && v !== '' && !skip.includes(key))
      .map(([key, v]) => [key, valueToExpression(v)]),
  );
}

export type TOperationHandoff = { operationId: string; path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

/**
 * "Use in a flow" from the explorer: a trigger (events still to choose) and one Clockify action with the
 * explorer's parameters as constant expressions. workspaceId is left out: the engine binds it.
 */
export function definitionFromOperation(h: TOperationHandoff): TFlowDefinition {
  const trigger = EMPTY_DEFINITION.nodes[0];
  if (!trigger) throw new Error('EMPTY_DEFINITION has no trigger');

  return {
    nodes: [
      trigger,
      {
        id: 'clockify_1',
        kind: 'clockify',
        label: h.operationId,
        position: { x: 0, y: 140 },
        data: {
          operationId: h.operationId,
          path: toMapping(h.path, ['workspaceId']),
          query: toMapping(h.query),
          ...(h.body === undefined ? {} : { body: valueToExpression(h.body) }),
        },
      },
    ],
    edges: [{ id: 'e_trigger_clockify_1', source: 'trigger', target: 'clockify_1' }],
  };
}
