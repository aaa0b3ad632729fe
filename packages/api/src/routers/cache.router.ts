import { z } from 'zod';

import { countCache, searchCache } from '../services/cache/cache-store';
import { readProcedure, router } from '../trpc';

export const ZCacheSearchRequestSchema = z.object({
  /** `project`, `tag`, `user`, `client`… (any cached entity type). */
  entityType: z.string().min(1).max(64),
  /** Case-insensitive; names starting with it come first, then names containing it. */
  query: z.string().max(256).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** The entity cache of the caller's workspace, for pickers. */
export const cacheRouter = router({
  search: readProcedure.input(ZCacheSearchRequestSchema).query(({ ctx, input }) => searchCache(ctx.deps.db, ctx.caller.workspaceId, input)),
  counts: readProcedure.query(({ ctx }) => countCache(ctx.deps.db, ctx.caller.workspaceId)),
});
