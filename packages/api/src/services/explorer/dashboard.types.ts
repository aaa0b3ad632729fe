import { z } from 'zod';

const ZCountSchema = z.number().int();
const ZEpochSchema = z.number();

export const ZDashboardSchema = z.object({
  workspaceId: z.string(),
  installation: z
    .object({
      status: z.enum(['ACTIVE', 'INACTIVE', 'DELETED']),
      active: z.boolean(),
      /** The add-on holds a Clockify token here (false for the local development workspace: Clockify calls are refused). */
      connected: z.boolean(),
      installedAt: ZEpochSchema,
      updatedAt: ZEpochSchema,
      uninstalledAt: ZEpochSchema.nullable(),
    })
    .nullable(),
  /** Webhook registrations: manifest webhooks plus those registered through the API. */
  subscriptions: z.object({ total: ZCountSchema, manifest: ZCountSchema, api: ZCountSchema }),
  /** Last 24 h: webhooks per hour (hour = start, epoch ms) by event type, and ingest outcomes. */
  webhooks: z.object({
    since: ZEpochSchema,
    perHour: z.array(z.object({ hour: ZEpochSchema, eventType: z.string(), count: ZCountSchema })),
    outcomes: z.record(z.string(), ZCountSchema),
  }),
  /** Executions created in the last 24 h by status (statuses that occurred), and the last 10 failures. */
  executions: z.object({
    since: ZEpochSchema,
    total: ZCountSchema,
    outcomes: z.record(z.string(), ZCountSchema),
    recentFailures: z.array(
      z.object({
        id: z.string(),
        flowId: z.string(),
        flowVersionId: z.string(),
        logId: z.string().nullable(),
        status: z.string(),
        attempts: ZCountSchema,
        runAfter: ZEpochSchema,
        error: z.unknown(),
        retryOf: z.string().nullable(),
        createdAt: ZEpochSchema,
        startedAt: ZEpochSchema.nullable(),
        finishedAt: ZEpochSchema.nullable(),
        flowName: z.string().nullable(),
        errorMessage: z.string().nullable(),
      }),
    ),
  }),
  cache: z.array(z.object({ entityType: z.string(), count: ZCountSchema, fetchedAt: ZEpochSchema.nullable() })),
  bootstrap: z
    .object({
      status: z.string(),
      opsDone: ZCountSchema,
      opsTotal: ZCountSchema,
      pages: ZCountSchema,
      entities: ZCountSchema,
      errors: ZCountSchema,
      startedAt: ZEpochSchema.nullable(),
      finishedAt: ZEpochSchema.nullable(),
      updatedAt: ZEpochSchema,
    })
    .nullable(),
  catalogue: z.object({ available: z.boolean() }),
});
export type TDashboard = z.infer<typeof ZDashboardSchema>;
