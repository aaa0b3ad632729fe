import { z } from 'zod';

import { createKey, listKeys, revokeKey } from '../services/keys/key-store';
import { adminProcedure, router } from '../trpc';

export const keysRouter = router({
  list: adminProcedure.query(({ ctx }) => listKeys(ctx.deps, ctx.caller)),
  create: adminProcedure
    .input(z.object({ name: z.string().trim().min(1).max(128) }))
    .mutation(({ ctx, input }) => createKey(ctx.deps, ctx.caller, input.name)),
  revoke: adminProcedure.input(z.object({ id: z.string() })).mutation(({ ctx, input }) => revokeKey(ctx.deps, ctx.caller, input.id)),
});
