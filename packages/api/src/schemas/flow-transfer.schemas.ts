import { z } from 'zod';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import { BACKTEST_LIMIT_DEFAULT, BACKTEST_LIMIT_MAX } from '../services/flows/backtest';
import { ZEpochMsSchema } from './common.schemas';
import { ZFlowSchema } from './flows.schemas';

export { ZFlowDocumentSchema, type TFlowDocument } from '../services/flows/flow-document';

export const ZExportFlowInputSchema = z.object({
  id: z.string().describe('a saved flow'),
  version: z.number().int().positive().optional().describe('a version number (default: the current one)'),
});

export const ZImportFlowInputSchema = z.object({
  document: z.unknown().describe('a document `flows.export` wrote ({ format: "uw-flow", version: 1, … })'),
  name: z.string().trim().max(200).optional().describe('the new flow’s name (default: the document’s)'),
});

/** A problem (refuses the import) or a warning, located by its path in the document. */
export const ZDocumentIssueSchema = z.object({
  path: z.string().describe('where in the document: definition.nodes[2].data.url'),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  entityType: z.string().optional().describe('for CLOCKIFY_ID_NOT_CACHED: project, task, tag, user or client'),
  id: z.string().optional().describe('for CLOCKIFY_ID_NOT_CACHED: the id not found in the cache'),
});

/** What an import of the document would do, without doing it. */
export const ZCheckImportResultSchema = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  nodeCount: z.number().int(),
  errors: z.array(ZDocumentIssueSchema),
  warnings: z.array(ZDocumentIssueSchema),
});

export const ZImportFlowResultSchema = z.object({
  flow: ZFlowSchema.describe('the new flow, disabled'),
  warnings: z.array(ZDocumentIssueSchema),
});

export const ZBacktestInputSchema = z
  .object({
    id: z.string().optional().describe('a saved flow'),
    version: z.number().int().positive().optional().describe('with id: a version number (default: the current one)'),
    definition: ZFlowDefinitionSchema.optional().describe('an unsaved document (masked headers take the saved flow’s values)'),
    limit: z.number().int().min(1).max(BACKTEST_LIMIT_MAX).default(BACKTEST_LIMIT_DEFAULT).describe('how many logged events, newest first'),
  })
  .refine((i) => i.id !== undefined || i.definition !== undefined, { message: 'send the id of a saved flow or a definition' });

export const ZBacktestRequestSchema = z.object({
  webhookId: z.string(),
  nodeId: z.string(),
  kind: z.enum(['clockify', 'http']),
  method: z.string(),
  url: z.string(),
  operationId: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional().describe('names kept, values masked'),
  body: z.unknown().optional(),
});

export const ZBacktestResultSchema = z.object({
  trigger: z
    .object({ source: z.string(), eventTypes: z.array(z.string()), sourceId: z.string().nullable() })
    .nullable()
    .describe('null: the trigger has no logged events (schedule, manual, internal)'),
  limit: z.number().int(),
  events: z.number().int().describe('logged events found (at most limit)'),
  evaluated: z.number().int().describe('events evaluated before the time budget ran out'),
  passed: z.number().int().describe('events for which every condition on the way was true'),
  acted: z.number().int().describe('events that would have sent at least one request'),
  requestCount: z.number().int(),
  requests: z.array(ZBacktestRequestSchema).describe('the first 20 requests it would send'),
  errors: z.array(
    z.object({
      webhookId: z.string(),
      receivedAt: ZEpochMsSchema,
      eventType: z.string(),
      nodeId: z.string().nullable(),
      code: z.string(),
      message: z.string(),
      field: z.string().nullable(),
    }),
  ),
  partial: z.boolean().describe('the time budget ran out: the counts cover `evaluated` events'),
  durationMs: z.number().int(),
});
