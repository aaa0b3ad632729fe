import { z } from 'zod';

import { ZEpochMsSchema, pageOf } from './common.schemas';

export { ZListWebhooksSchema, type TListWebhooks } from '../services/webhooks/list-webhooks';

export const ZWebhookStatsInputSchema = z
  .object({
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
  })
  .default({ hours: 24 });

export const ZWebhookOutcomeSchema = z.enum(['queued', 'no_match', 'duplicate', 'rejected']);

/** A logged webhook without its payload and headers. */
export const ZWebhookSummarySchema = z.object({
  id: z.string(),
  source: z.enum(['clockify', 'custom']),
  sourceId: z.string().nullable(),
  eventType: z.string(),
  /** Services read it from the database as text; it is checked against the known outcomes on the way out. */
  outcome: z.string().pipe(ZWebhookOutcomeSchema),
  reason: z.string().nullable(),
  signature: z.string().describe('how the sender was verified'),
  receivedAt: ZEpochMsSchema,
  flowIds: z.array(z.string()),
  sizeBytes: z.number().int(),
});
export type TWebhookSummary = z.infer<typeof ZWebhookSummarySchema>;

export const ZWebhookPageSchema = pageOf(ZWebhookSummarySchema);

export const ZWebhookExecutionSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string().nullable().describe('the flow’s name now (null if the flow is gone)'),
  status: z.string(),
  attempts: z.number().int(),
  createdAt: ZEpochMsSchema,
  finishedAt: ZEpochMsSchema.nullable(),
});

/** A logged webhook with its (redacted) payload, headers and the executions it started. */
export const ZWebhookDetailSchema = ZWebhookSummarySchema.extend({
  payload: z.unknown().describe('the JSON body as received, or the parsed view of a form, text or XML body; redacted fields removed'),
  contentType: z.string().nullable().describe('the content type the sender declared'),
  rawBody: z.string().nullable().describe('a form, text or XML body as received (null for JSON, and when redaction applied)'),
  headers: z.record(z.string(), z.string()),
  redacted: z.array(z.string()).describe('JSON paths removed before storing'),
  dedupKey: z.string().nullable(),
  executions: z.array(ZWebhookExecutionSchema),
});

export const ZReplayWebhookResultSchema = z.object({
  queued: z.number().int().describe('executions queued'),
  executionIds: z.array(z.string()),
});

export const ZWebhookStatsSchema = z.object({
  since: ZEpochMsSchema,
  perHour: z.array(z.object({ hour: ZEpochMsSchema, eventType: z.string(), count: z.number().int() })),
  outcomes: z.record(z.string(), z.number().int()).describe('webhooks per outcome'),
});
