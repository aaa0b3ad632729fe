import { z } from 'zod';

/**
 * Search-param helpers. TanStack Router JSON-parses each value, so "123" arrives as a number and "true"
 * as a boolean: text fields accept those and turn them back into text; a bad value is dropped, not thrown.
 */
export const zText = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v))
  .optional()
  .catch(undefined);

export const zInt = z.number().int().optional().catch(undefined);

export const WEBHOOK_OUTCOMES = ['queued', 'no_match', 'duplicate', 'rejected'] as const;

export const ZWebhookSearchSchema = z.object({
  source: z.enum(['clockify', 'custom']).optional().catch(undefined),
  sourceId: zText,
  eventType: zText,
  outcome: z.enum(WEBHOOK_OUTCOMES).optional().catch(undefined),
  from: zInt,
  to: zInt,
  path: zText,
  equals: z.union([z.string(), z.number(), z.boolean()]).optional().catch(undefined),
  cursor: zText,
});
export type TWebhookSearch = z.output<typeof ZWebhookSearchSchema>;

export const EXECUTION_STATUSES = ['queued', 'waiting', 'running', 'succeeded', 'filtered', 'failed', 'cancelled'] as const;

export const ZExecutionSearchSchema = z.object({
  flowId: zText,
  status: z.enum(EXECUTION_STATUSES).optional().catch(undefined),
  cursor: zText,
});
export type TExecutionSearch = z.output<typeof ZExecutionSearchSchema>;

export const ZExplorerSearchSchema = z.object({
  q: zText,
  method: zText,
  tag: zText,
});
export type TExplorerSearch = z.output<typeof ZExplorerSearchSchema>;

/** /flows/new?template=…, or ?operationId=…&path=…&query=…&body=… from the explorer's "Use in a flow". */
export const ZNewFlowSearchSchema = z.object({
  template: zText,
  operationId: zText,
  path: z.record(z.string(), z.unknown()).optional().catch(undefined),
  query: z.record(z.string(), z.unknown()).optional().catch(undefined),
  body: z.unknown().optional(),
});
export type TNewFlowSearch = z.output<typeof ZNewFlowSearchSchema>;

export const ZAuditSearchSchema = z.object({ action: zText, targetId: zText, cursor: zText });
export type TAuditSearch = z.output<typeof ZAuditSearchSchema>;
