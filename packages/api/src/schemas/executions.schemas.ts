import { z } from 'zod';

import { ZEpochMsSchema, ZStoredErrorSchema, pageOf } from './common.schemas';

/**
 * `waiting`: parked by a wait node until `runAfter`, holding no worker. `filtered`: its conditions ended it
 * before any action acted (nothing was sent); `succeeded`: it ran to the end and acted.
 */
export const EXECUTION_STATUSES = ['queued', 'waiting', 'running', 'succeeded', 'filtered', 'failed', 'cancelled'] as const;

export const ZListExecutionsSchema = z.object({
  flowId: z.string().optional(),
  status: z.enum(EXECUTION_STATUSES).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListExecutionsInput = z.infer<typeof ZListExecutionsSchema>;

export const ZRetryExecutionInputSchema = z.object({
  id: z.string(),
  from: z
    .enum(['failed_step', 'start'])
    .default('failed_step')
    .describe('failed_step: reuse what succeeded (a failed or cancelled run; a succeeded or filtered one is refused); start: run it again'),
  version: z.enum(['same', 'current']).default('same'),
});

export const ZExecutionSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string().nullable().describe('the flow’s name now (null if the flow is gone)'),
  flowVersionId: z.string(),
  logId: z.string().nullable().describe('the webhook that started it'),
  status: z.string().describe(EXECUTION_STATUSES.join(' | ')),
  attempts: z.number().int(),
  runAfter: ZEpochMsSchema.describe('when it runs next: a waiting execution’s resume time'),
  error: ZStoredErrorSchema,
  retryOf: z.string().nullable(),
  createdAt: ZEpochMsSchema,
  startedAt: ZEpochMsSchema.nullable(),
  finishedAt: ZEpochMsSchema.nullable(),
  cancel: z
    .object({
      at: ZEpochMsSchema,
      by: z.string().nullable().describe('a user id, or key:<id> for a service key'),
      reason: z.string().describe('as the timeline says it: “cancelled by …”, “flow disabled by …”'),
    })
    .nullable()
    .describe('who asked to cancel it and when (a running one stops at its next step boundary)'),
});
export type TExecution = z.infer<typeof ZExecutionSchema>;

export const ZExecutionPageSchema = pageOf(ZExecutionSchema);

/** One journal entry of an execution, scrubbed; an HTTP step's request headers masked. */
export const ZExecutionStepSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  nodeId: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  attempt: z.number().int(),
  request: z.unknown(),
  response: z.unknown(),
  error: ZStoredErrorSchema,
  idempotencyKey: z.string().nullable(),
  latencyMs: z.number().nullable(),
  createdAt: ZEpochMsSchema,
});

export const ZExecutionDetailSchema = ZExecutionSchema.extend({
  version: z.number().int().nullable().describe('the flow version number it ran'),
  webhook: z.object({ id: z.string(), eventType: z.string(), source: z.string(), receivedAt: ZEpochMsSchema }).nullable(),
  steps: z.array(ZExecutionStepSchema),
});

export const ZRetryExecutionResultSchema = z.object({
  id: z.string().describe('the new execution'),
  retryOf: z.string(),
  flowVersionId: z.string(),
  reusedSteps: z.boolean(),
});

export const ZCancelExecutionResultSchema = z.object({
  id: z.string(),
  status: z.enum(['cancelled', 'cancelling']).describe('cancelling: it is running and stops at its next step boundary'),
});

export const ZExecutionUpdateSchema = z.object({ executionId: z.string(), status: z.string() });
