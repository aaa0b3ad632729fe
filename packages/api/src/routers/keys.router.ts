import { z } from 'zod';

import { ZCreatedKeySchema, ZCreateKeyRequestSchema, ZKeyViewSchema, ZRevokeKeyResultSchema } from '../schemas/keys.schemas';
import { ZIdInputSchema } from '../schemas/common.schemas';
import { createKey, listKeys } from '../services/keys/key-store';
import { revokeKey } from '../services/keys/key-tree';
import { adminProcedure, readProcedure, router } from '../trpc';

export const keysRouter = router({
  /** Admins see every key of the workspace; a key sees itself and the keys it minted. */
  list: readProcedure.output(z.array(ZKeyViewSchema)).query(({ ctx }) => listKeys(ctx.deps, ctx.caller)),
  /** Shown once. A key can mint only keys with its scope or less, expiring no later than itself. */
  create: adminProcedure
    .input(ZCreateKeyRequestSchema)
    .output(ZCreatedKeySchema)
    .mutation(({ ctx, input }) => createKey(ctx.deps, ctx.caller, input)),
  /** Revokes the key and every key it minted; a key may revoke only itself and its descendants. */
  revoke: readProcedure
    .input(ZIdInputSchema)
    .output(ZRevokeKeyResultSchema)
    .mutation(({ ctx, input }) => revokeKey(ctx.deps.db, ctx.caller, input.id)),
});
