import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import { orNull, ZEpochMsSchema, ZStoredErrorSchema } from './common.schemas';
import { ZListExecutionsSchema } from './executions.schemas';

export { ZFlowInputSchema, ZFlowUpdateSchema, type TFlowInput, type TFlowUpdate } from '../services/flows/flow-schemas';

export const ZFlowExecutionsInputSchema = ZListExecutionsSchema.extend({ flowId: z.string() });

export const ZDryRunInputSchema = z.object({
  id: z.string().optional().describe('a saved flow'),
  definition: ZFlowDefinitionSchema.optional().describe('an unsaved document (masked headers take the saved flow’s values)'),
  webhookId: z.string().optional().describe('a logged webhook to run against'),
  sample: z.object({ eventType: z.string(), payload: z.unknown(), headers: z.record(z.string(), z.string()).optional() }).optional(),
});

/** `flows.run`: run a flow now; `sample` becomes the execution's `payload`. */
export const ZRunFlowInputSchema = z.object({
  id: z.string().describe('a saved flow'),
  sample: z.unknown().optional().describe('the payload its expressions see (default null)'),
});
export const ZRunFlowResultSchema = z.object({ executionId: z.string() });

/** A flow without its document. */
export const ZFlowSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: orNull(z.string()),
  enabled: z.boolean(),
  currentVersionId: z.string(),
  currentVersion: z.number().int(),
  lastRunStatus: orNull(z.string()),
  lastRunAt: orNull(ZEpochMsSchema),
  createdAt: ZEpochMsSchema,
  updatedAt: ZEpochMsSchema,
  deletedAt: orNull(ZEpochMsSchema),
});
export type TFlowView = z.infer<typeof ZFlowSchema>;

/** A flow with its current document (HTTP header values masked). */
export const ZFlowDetailSchema = ZFlowSchema.extend({ definition: ZFlowDefinitionSchema });

export const ZFlowVersionSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  flowId: z.string(),
  version: z.number().int(),
  definition: ZFlowDefinitionSchema,
  triggerKeys: z.array(z.string()),
  createdBy: orNull(z.string()),
  createdAt: ZEpochMsSchema,
});

export const ZDeleteFlowResultSchema = z.object({ id: z.string(), deleted: z.boolean() });

const ZNodeTraceSchema = z.looseObject({
  nodeId: z.string(),
  kind: z.string(),
  state: z.string().describe('what happened to the node: triggered, passed, blocked, skipped, succeeded, dry-run, …'),
});

const ZDryRunRequestSchema = z.looseObject({ nodeId: z.string(), kind: z.enum(['clockify', 'http']), request: z.unknown() });

/** A dry run: the engine's outcome (requests built, never sent) and every journal entry it wrote. */
export const ZDryRunResultSchema = z.object({
  outcome: z.looseObject({
    status: z.string().describe('succeeded | failed | retry | parked'),
    trace: z.array(ZNodeTraceSchema),
    steps: z.record(z.string(), z.unknown()).describe('each node’s output, by node id'),
    dryRunRequests: z.array(ZDryRunRequestSchema).optional(),
    nodeId: z.string().optional(),
    error: ZStoredErrorSchema.optional(),
  }),
  steps: z.array(z.looseObject({ nodeId: z.string(), kind: z.string() })),
});
