import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

/** A flow's own limits: null = none (the workspace's limits apply). Excess executions wait in the queue. */
export const ZFlowLimitsSchema = z.object({
  maxConcurrent: z.number().int().min(1).max(1000).nullish().describe('at most this many of its executions run at once'),
  maxPerMinute: z.number().int().min(1).max(10_000).nullish().describe('at most this many of its executions start per minute'),
});

/** Disabling or deleting a flow cancels its queued, waiting and retrying executions unless this is false. */
const ZCancelRunningSchema = z
  .boolean()
  .optional()
  .describe(
    'default true: cancel its queued, waiting and retrying executions (a running one stops at its next step); false lets them finish',
  );

export const ZFlowInputSchema = z.object({
  name: z.string().trim().min(1, 'a flow needs a name').max(200),
  description: z.string().max(2000).nullish(),
  enabled: z.boolean().default(false).describe('new flows are saved disabled: test them, then enable'),
  definition: ZFlowDefinitionSchema,
  ...ZFlowLimitsSchema.shape,
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
    ...ZFlowLimitsSchema.shape,
  }),
  /** Applies when this update disables the flow. */
  cancelRunning: ZCancelRunningSchema,
});

export const ZSetFlowEnabledSchema = z.object({ id: z.string(), enabled: z.boolean(), cancelRunning: ZCancelRunningSchema });
export const ZDeleteFlowInputSchema = z.object({ id: z.string(), cancelRunning: ZCancelRunningSchema });
export type TFlowUpdate = z.infer<typeof ZFlowUpdateSchema>;
