import { z } from 'zod';

import { ZFlowForEachSchema, ZFlowSetSchema, ZFlowSwitchSchema, ZFlowWaitSchema } from './control-schemas';
import { nodeBase, ZExpressionSchema } from './node-base';
import { ZTriggerDataSchema } from './trigger-schemas';

export { ZExpressionSchema, ZPositionSchema } from './node-base';
export * from './trigger-schemas';
export * from './control-schemas';

export const ZFlowTriggerSchema = z.object({ ...nodeBase, kind: z.literal('trigger'), data: ZTriggerDataSchema });

/**
 * Truthy (JSONata `$boolean` rules) → the outgoing edges with branch `"true"` (or none) are live;
 * falsy → those with branch `"false"`.
 */
export const ZFlowConditionSchema = z.object({
  ...nodeBase,
  kind: z.literal('condition'),
  data: z.object({ expression: ZExpressionSchema.min(1, 'write a condition') }),
});

/**
 * A Clockify API call by OpenAPI operationId. `path` and `query` map parameter names to expressions;
 * `body` is one expression producing the JSON body. A `workspaceId` path parameter may be left unmapped:
 * the engine binds it to the execution's workspace (`context.workspace.id`).
 */
export const ZFlowClockifySchema = z.object({
  ...nodeBase,
  kind: z.literal('clockify'),
  data: z.object({
    operationId: z.string().min(1, 'choose a Clockify operation'),
    path: z.record(z.string(), ZExpressionSchema).default({}),
    query: z.record(z.string(), ZExpressionSchema).default({}),
    body: ZExpressionSchema.optional(),
  }),
});

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A generic HTTP call. `url` and each header value are expressions that must produce a string. */
export const ZFlowHttpSchema = z.object({
  ...nodeBase,
  kind: z.literal('http'),
  data: z.object({
    method: z.enum(HTTP_METHODS),
    url: ZExpressionSchema.min(1, 'write the URL (a JSONata string such as "https://…")'),
    headers: z.record(z.string(), ZExpressionSchema).default({}),
    body: ZExpressionSchema.optional(),
  }),
});

export const ZFlowNodeSchema = z.discriminatedUnion('kind', [
  ZFlowTriggerSchema,
  ZFlowConditionSchema,
  ZFlowClockifySchema,
  ZFlowHttpSchema,
  ZFlowSwitchSchema,
  ZFlowForEachSchema,
  ZFlowSetSchema,
  ZFlowWaitSchema,
]);

export type TFlowTriggerNode = z.infer<typeof ZFlowTriggerSchema>;
export type TFlowConditionNode = z.infer<typeof ZFlowConditionSchema>;
export type TFlowClockifyNode = z.infer<typeof ZFlowClockifySchema>;
export type TFlowHttpNode = z.infer<typeof ZFlowHttpSchema>;
export type TFlowNode = z.infer<typeof ZFlowNodeSchema>;
export type TFlowNodeKind = TFlowNode['kind'];
export type TFlowActionNode = TFlowClockifyNode | TFlowHttpNode;
export type TFlowSwitchNode = z.infer<typeof ZFlowSwitchSchema>;
export type TFlowForEachNode = z.infer<typeof ZFlowForEachSchema>;
export type TFlowSetNode = z.infer<typeof ZFlowSetSchema>;
export type TFlowWaitNode = z.infer<typeof ZFlowWaitSchema>;
export type THttpMethod = (typeof HTTP_METHODS)[number];

export function isActionNode(node: TFlowNode): node is TFlowActionNode {
  return node.kind === 'clockify' || node.kind === 'http';
}
