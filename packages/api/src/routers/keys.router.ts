import { z } from 'zod';

import { KEY_SCOPES } from '../services/auth/scopes';
import { createKey, listKeys } from '../services/keys/key-store';
import { revokeKey } from '../services/keys/key-tree';
import { adminProcedure, readProcedure, router } from '../trpc';

export const ZCreateKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(128),
  /** `read` (the default), `write` (flows, replays, retries) or `admin` (keys, sources, destructive calls). */
  scope: z.enum(KEY_SCOPES).default('read'),
  /** Epoch milliseconds; left out: never (or, for a key minted by a key, when that key expires). */
  expiresAt: z.number().int().positive().optional(),
});

export const keysRouter = router({
  /** Admins see every key of the workspace; a key sees itself and the keys it minted. */
  list: readProcedure.query(({ ctx }) => listKeys(ctx.deps, ctx.caller)),
  /** Shown once. A key can mint only keys with its scope or less, expiring no later than itself. */
  create: adminProcedure.input(ZCreateKeyRequestSchema).mutation(({ ctx, input }) => createKey(ctx.deps, ctx.caller, input)),
  /** Revokes the key and every key it minted; a key may revoke only itself and its descendants. */
  revoke: readProcedure.input(z.object({ id: z.string() })).mutation(({ ctx, input }) => revokeKey(ctx.deps.db, ctx.caller, input.id)),
});
