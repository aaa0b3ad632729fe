import { z } from 'zod';

import { ZEpochMsSchema } from './common.schemas';

export const ZAuditListInputSchema = z.object({
  actorId: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('a procedure (`flows.update`) or a prefix ending in a dot (`flows.`)'),
  targetType: z.string().max(32).optional(),
  targetId: z.string().max(64).optional(),
  since: ZEpochMsSchema.optional(),
  until: ZEpochMsSchema.optional(),
  cursor: z.string().max(64).optional().describe('the previous page’s nextCursor'),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZAuditEntrySchema = z.object({
  id: z.string(),
  at: ZEpochMsSchema,
  actor: z.object({
    kind: z.enum(['user', 'service_key', 'dev', 'clockify']),
    id: z.string().nullable(),
    name: z.string().nullable().describe('the cached user name or the key name, when known'),
  }),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const ZAuditPageSchema = z.object({ items: z.array(ZAuditEntrySchema), nextCursor: z.string().nullable() });
