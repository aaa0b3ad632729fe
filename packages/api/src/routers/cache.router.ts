import { z } from 'zod';

import { ZCacheCountSchema, ZCacheHitSchema, ZCacheSearchRequestSchema } from '../schemas/cache.schemas';
import { countCache, searchCache } from '../services/cache/cache-store';
import { readProcedure, router } from '../trpc';

/** The entity cache of the caller's workspace, for pickers. */
export const cacheRouter = router({
  search: readProcedure
    .input(ZCacheSearchRequestSchema)
    .output(z.array(ZCacheHitSchema))
    .query(({ ctx, input }) => searchCache(ctx.deps.db, ctx.caller.workspaceId, input)),
  counts: readProcedure.output(z.array(ZCacheCountSchema)).query(({ ctx }) => countCache(ctx.deps.db, ctx.caller.workspaceId)),
});
