import { z } from 'zod';

import { ZEpochMsSchema } from './common.schemas';

export const ZBootstrapTriggerRequestSchema = z.object({ restart: z.boolean().optional() }).optional();

/** One step of a bootstrap plan, with why it is in or out. */
export const ZPlanStepViewSchema = z.object({
  operationId: z.string(),
  path: z.string(),
  host: z.enum(['api', 'reports']),
  entityType: z.string(),
  included: z.boolean(),
  heavy: z.boolean(),
  reason: z.string(),
  userId: z.string().nullable().describe('per-user steps (time entries): whose'),
  parentId: z.string().nullable().describe('per-parent steps (the tasks of a project): the parent’s id'),
  done: z.boolean().describe('the step is behind the run’s cursor'),
});

export const ZBootstrapViewSchema = z.object({
  workspaceId: z.string(),
  status: z.enum(['idle', 'pending', 'running', 'completed', 'completed_with_errors', 'failed']),
  active: z.boolean().describe('a process holds the run’s lease right now'),
  progress: z.number().min(0).max(1),
  opsDone: z.number().int(),
  opsTotal: z.number().int(),
  pages: z.number().int(),
  entities: z.number().int(),
  errors: z.array(z.object({ operationId: z.string(), message: z.string(), at: ZEpochMsSchema })),
  current: z.object({ operationId: z.string(), page: z.number().int(), userId: z.string().nullable() }).nullable(),
  startedAt: ZEpochMsSchema.nullable(),
  finishedAt: ZEpochMsSchema.nullable(),
  etaAt: ZEpochMsSchema.nullable(),
  updatedAt: ZEpochMsSchema.nullable(),
  plan: z.array(ZPlanStepViewSchema),
  nextPlan: z.array(ZPlanStepViewSchema).nullable(),
});

export const ZBootstrapTriggerResultSchema = z.object({
  started: z.boolean(),
  resumed: z.boolean(),
  reason: z.string().nullable().describe('why it did not start'),
  status: ZBootstrapViewSchema,
});
