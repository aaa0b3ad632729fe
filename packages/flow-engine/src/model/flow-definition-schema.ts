import { z } from 'zod';

import { ZFlowNodeSchema } from './node-schemas';

export const ZFlowEdgeSchema = z.object({
  id: z.string().min(1).max(100),
  source: z.string().min(1),
  target: z.string().min(1),
  /**
   * Which outcome of the source the edge follows: `"true"` (the default) or `"false"` out of a
   * condition, a case id or `"default"` out of a switch, `"body"` or `"done"` out of a forEach. Edges
   * out of other kinds carry none.
   */
  branch: z.string().min(1).max(100).optional(),
});

/**
 * The stored and executed flow document. The schema checks shapes only; graph rules (one trigger,
 * no cycles, edges between existing nodes, branches), expressions and Clockify operations are checked
 * by `validateFlow`.
 *
 * A node with several incoming edges runs once: when every incoming edge's source has been decided
 * (ran or was skipped) and at least one incoming edge is live. Otherwise it is skipped, and so are the
 * edges out of it.
 */
export const ZFlowDefinitionSchema = z.object({
  nodes: z.array(ZFlowNodeSchema).max(200),
  edges: z.array(ZFlowEdgeSchema).max(1000),
});

export type TFlowEdge = z.infer<typeof ZFlowEdgeSchema>;
export type TFlowDefinition = z.infer<typeof ZFlowDefinitionSchema>;
/** What may be written before defaults are applied (e.g. `query` left out). */
export type TFlowDefinitionInput = z.input<typeof ZFlowDefinitionSchema>;
