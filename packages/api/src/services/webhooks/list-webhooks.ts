import { z } from 'zod';

import { executionQueries, logQueries, type TDatabase } from '@uw/db';

import { notFound, UserError } from '../../errors';

export const ZListWebhooksSchema = z.object({
  source: z.enum(['clockify', 'custom']).optional(),
  sourceId: z.string().optional(),
  eventType: z.string().max(128).optional(),
  outcome: z.enum(['queued', 'no_match', 'duplicate', 'rejected']).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  /** Payload search: a JSON path such as `$.project.name` (or `project.name`) equal to a value. */
  payload: z.object({ path: z.string().max(200), equals: z.union([z.string(), z.number(), z.boolean()]) }).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListWebhooks = z.infer<typeof ZListWebhooksSchema>;

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export function toLogSummary(row: Record<string, unknown>) {
  return {
    id: String(row.id),
    source: row.source as 'clockify' | 'custom',
    sourceId: (row.source_id as string | null) ?? null,
    eventType: String(row.event_type),
    outcome: String(row.outcome),
    reason: (row.reason as string | null) ?? null,
    signature: String(row.signature),
    receivedAt: Number(row.received_at),
    flowIds: parseJson(row.flow_ids) as string[],
    sizeBytes: Number(row.size_bytes),
  };
}

export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\$\.?/, '');
  const segments = trimmed.split('.').filter(Boolean);
  if (segments.length === 0 || segments.some((s) => !/^[A-Za-z0-9_-]+$/.test(s))) {
    throw new UserError('VALIDATION_FAILED', 'payload path must look like $.field.subfield');
  }

  return segments;
}

/** Newest first, cursor = the last id seen (ids are time-ordered). Always scoped by workspace. */
export async function listWebhooks(db: TDatabase, workspaceId: string, input: TListWebhooks) {
  const { payload, ...filter } = input;
  const rows = await logQueries.listLogs(db, workspaceId, {
    ...filter,
    payload: payload && { segments: pathSegments(payload.path), equals: payload.equals },
  });
  const items = rows.slice(0, input.limit).map(toLogSummary);

  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

export async function getWebhook(db: TDatabase, workspaceId: string, id: string) {
  const row = await logQueries.getLog(db, workspaceId, id);
  if (!row) return null;
  const executions = await executionQueries.listExecutionsOfLog(db, workspaceId, id);
  const headers = parseJson(row.headers) as Record<string, string>;

  return {
    ...toLogSummary(row),
    payload: parseJson(row.payload),
    contentType: headers['content-type'] ?? null,
    rawBody: (row.raw_body as string | null) ?? null,
    headers,
    redacted: parseJson(row.redacted) as string[],
    dedupKey: row.dedup_key as string | null,
    executions: executions.map((e) => ({
      id: String(e.id),
      flowId: String(e.flow_id),
      flowName: e.flow_name ?? null,
      status: String(e.status),
      attempts: Number(e.attempts),
      createdAt: Number(e.created_at),
      finishedAt: e.finished_at === null ? null : Number(e.finished_at),
    })),
  };
}

/** `getWebhook`, or NOT_FOUND when the workspace has no such log entry. */
export async function getWebhookOrThrow(db: TDatabase, workspaceId: string, id: string) {
  const found = await getWebhook(db, workspaceId, id);
  if (!found) throw notFound('webhook');

  return found;
}
