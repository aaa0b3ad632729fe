import { z } from 'zod';

import { ZEpochMsSchema } from './common.schemas';

export const ZCacheSearchRequestSchema = z.object({
  /** `project`, `tag`, `user`, `client`… (any cached entity type). */
  entityType: z.string().min(1).max(64),
  /** Case-insensitive; names starting with it come first, then names containing it. */
  query: z.string().max(256).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** Only entities of that project (`task`: the tasks of one project). */
  projectId: z.string().min(1).max(128).optional(),
});

export const ZCacheHitSchema = z.object({
  entityType: z.string(),
  id: z.string(),
  name: z.string().nullable(),
  data: z.unknown(),
  fetchedAt: ZEpochMsSchema,
});

export const ZCacheCountSchema = z.object({ entityType: z.string(), count: z.number().int(), fetchedAt: ZEpochMsSchema.nullable() });
