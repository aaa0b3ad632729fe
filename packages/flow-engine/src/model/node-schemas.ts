import { z } from 'zod';

/**
 * One zod schema per node kind. Every string called an "expression" is JSONata, evaluated against the
 * execution context (`TFlowContext`: `event`, `payload`, `headers`, `workspace`, `steps`). A constant is
 * written as a JSONata literal: `"https://example.com"`, `42`, `true`.
 *
 * Node ids are referenced from expressions as `steps.<id>`; ids that are not plain identifiers
 * (hyphens, leading digits) need backticks there: steps.`node-1`.body.
 */
export const ZExpressionSchema = z.string();

export const ZPositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

const nodeBase = {
  id: z.string().min(1).max(100),
  position: ZPositionSchema,
  label: z.string().max(200).optional(),
};

export const ZClockifyTriggerDataSchema = z.object({
  source: z.literal('clockify'),
  events: z.array(z.string().min(1)).min(1, 'choose at least one event'),
});

export const ZCustomTriggerDataSchema = z.object({
  source: z.literal('custom'),
  sourceId: z.string().min(1, 'choose a webhook source'),
});

export const ZTriggerDataSchema = z.discriminatedUnion('source', [ZClockifyTriggerDataSchema, ZCustomTriggerDataSchema]);

export const ZFlowTriggerSchema = z.object({ ...nodeBase, kind: z.literal('trigger'), data: ZTriggerDataSchema });

/** Truthy (JSONata `$boolean` rules) → the branch continues along the outgoing edges; falsy ends it. */
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
]);

export type TFlowTriggerNode = z.infer<typeof ZFlowTriggerSchema>;
export type TFlowConditionNode = z.infer<typeof ZFlowConditionSchema>;
export type TFlowClockifyNode = z.infer<typeof ZFlowClockifySchema>;
export type TFlowHttpNode = z.infer<typeof ZFlowHttpSchema>;
export type TFlowNode = z.infer<typeof ZFlowNodeSchema>;
export type TFlowNodeKind = TFlowNode['kind'];
export type TFlowActionNode = TFlowClockifyNode | TFlowHttpNode;
export type TTriggerData = z.infer<typeof ZTriggerDataSchema>;
export type THttpMethod = (typeof HTTP_METHODS)[number];

export function isActionNode(node: TFlowNode): node is TFlowActionNode {
  return node.kind === 'clockify' || node.kind === 'http';
}
