import { z } from 'zod';

import { ZFlowNodeSchema } from './node-schemas';

export const ZFlowEdgeSchema = z.object({
  id: z.string().min(1).max(100),
  source: z.string().min(1),
  target: z.string().min(1),
});

/**
 * The stored and executed flow document. The schema checks shapes only; graph rules (one trigger,
 * no cycles, edges between existing nodes), expressions and Clockify operations are checked by
 * `validateFlow`.
 */
export const ZFlowDefinitionSchema = z.object({
  nodes: z.array(ZFlowNodeSchema).max(200),
  edges: z.array(ZFlowEdgeSchema).max(1000),
});

export type TFlowEdge = z.infer<typeof ZFlowEdgeSchema>;
export type TFlowDefinition = z.infer<typeof ZFlowDefinitionSchema>;
/** What may be written before defaults are applied (e.g. `query` left out). */
export type TFlowDefinitionInput = z.input<typeof ZFlowDefinitionSchema>;
