import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import { orNull, ZEpochMsSchema } from './common.schemas';
import { ZListExecutionsSchema } from './executions.schemas';

export {
  ZDeleteFlowInputSchema,
  ZFlowInputSchema,
  ZFlowUpdateSchema,
  ZSetFlowEnabledSchema,
  type TFlowInput,
  type TFlowUpdate,
} from '../services/flows/flow-schemas';

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
  maxConcurrent: orNull(z.number().int()).describe('at most this many of its executions run at once (null: no limit)'),
  maxPerMinute: orNull(z.number().int()).describe('at most this many of its executions start per minute (null: no limit)'),
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

/** What a disable or delete did to the flow's executions: ended at once, or stopping at their next step. */
const stopped = {
  cancelled: z.number().int().describe('queued, waiting and retrying executions cancelled'),
  cancelling: z.number().int().describe('running executions asked to stop at their next step boundary'),
};

export const ZDeleteFlowResultSchema = z.object({ id: z.string(), deleted: z.boolean(), ...stopped });
export const ZSetFlowEnabledResultSchema = z.object({ flow: ZFlowSchema, ...stopped });

const ZNodeTraceSchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  state: z.string().describe('what happened to the node: triggered, passed, blocked, skipped, succeeded, dry-run, …'),
  key: z.string().optional().describe('the step key, inside loops `nodeId#<item path>`'),
  path: z.array(z.number().int()).optional().describe('item indexes inside loops, outermost first'),
  branch: z.string().optional().describe('the case a switch took'),
  items: z.number().int().optional().describe('a finished loop’s item count'),
  until: z.string().optional().describe('when a wait ends'),
});

/** A request an action would send: a Clockify operation or an HTTP call (header values masked). */
export const ZStepRequestSchema = z.union([
  z.object({
    operationId: z.string(),
    path: z.record(z.string(), z.string()),
    query: z.record(z.string(), z.string()),
    body: z.unknown().optional(),
  }),
  z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown().optional() }),
]);

const ZDryRunRequestSchema = z.object({
  nodeId: z.string(),
  key: z.string().optional(),
  kind: z.enum(['clockify', 'http']),
  request: ZStepRequestSchema,
});

/** A step's failure as the engine reports it. */
export const ZStepErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  kind: z.enum(['user', 'operational', 'unexpected']),
  field: z.string().optional().describe('the node field whose expression failed'),
  position: z.number().optional().describe('character offset in that expression'),
  httpStatus: z.number().optional(),
  body: z.unknown().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const outcomeBase = {
  trace: z.array(ZNodeTraceSchema),
  steps: z.record(z.string(), z.unknown()).describe('each node’s output, by step key'),
  key: z.string().optional(),
};

const ZDryRunRequestsSchema = z.array(ZDryRunRequestSchema).optional();

/** How the run ended (the engine's `TFlowOutcome`), by `status`; `filtered`: its conditions stopped every action. */
export const ZFlowOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ ...outcomeBase, status: z.literal('succeeded'), dryRunRequests: ZDryRunRequestsSchema }),
  z.object({ ...outcomeBase, status: z.literal('filtered'), dryRunRequests: ZDryRunRequestsSchema }),
  z.object({ ...outcomeBase, status: z.literal('failed'), nodeId: z.string().optional(), error: ZStepErrorSchema }),
  z.object({
    ...outcomeBase,
    status: z.literal('retry'),
    nodeId: z.string(),
    error: ZStepErrorSchema,
    retryAfterMs: z.number().optional(),
  }),
  z.object({ ...outcomeBase, status: z.literal('parked'), nodeId: z.string(), until: z.string(), resumeAt: ZEpochMsSchema }),
]);

/** A dry run: the engine's outcome (requests built, never sent) and every journal entry it wrote. */
export const ZDryRunResultSchema = z.object({
  outcome: ZFlowOutcomeSchema,
  steps: z.array(z.looseObject({ nodeId: z.string(), key: z.string(), kind: z.string() })).describe('the journal entries the run wrote'),
});
