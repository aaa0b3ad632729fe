import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

export const ZFlowInputSchema = z.object({
  name: z.string().trim().min(1, 'a flow needs a name').max(200),
  description: z.string().max(2000).nullish(),
  enabled: z.boolean().default(true),
  definition: ZFlowDefinitionSchema,
});
export type TFlowInput = z.infer<typeof ZFlowInputSchema>;

export const ZFlowUpdateSchema = z.object({
  id: z.string(),
  data: z.object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullish(),
    enabled: z.boolean().optional(),
    definition: ZFlowDefinitionSchema.optional(),
    /** The version `definition` was opened from: its masked header values are kept from there (default: the current one). */
    baseVersion: z.number().int().positive().optional(),
  }),
});
export type TFlowUpdate = z.infer<typeof ZFlowUpdateSchema>;
