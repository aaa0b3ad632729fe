import { z } from 'zod';

/**
 * Every string called an "expression" is JSONata, evaluated against the execution context
 * (`TFlowContext`: `event`, `payload`, `headers`, `workspace`, `steps`). A constant is written as a
 * JSONata literal: `"https://example.com"`, `42`, `true`. Inside a `forEach` body `$item` and `$index`
 * are the current item and its position.
 *
 * Node ids are referenced from expressions as `steps.<id>`; ids that are not plain identifiers
 * (hyphens, leading digits) need backticks there: steps.`node-1`.body.
 */
export const ZExpressionSchema = z.string();

export const ZPositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** Fields every node has. */
export const nodeBase = {
  id: z.string().min(1).max(100),
  position: ZPositionSchema,
  label: z.string().max(200).optional(),
};
