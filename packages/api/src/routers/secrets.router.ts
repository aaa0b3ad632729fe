import { z } from 'zod';

import { ZIdInputSchema as id } from '../schemas/common.schemas';
import {
  ZCreateSecretRequestSchema,
  ZDeleteSecretResultSchema,
  ZSecretViewSchema,
  ZUpdateSecretRequestSchema,
} from '../schemas/secrets.schemas';
import { createSecret, deleteSecret, listSecrets, updateSecret } from '../services/secrets/secret-store';
import { adminProcedure, router } from '../trpc';

/**
 * Workspace secrets, for `$secret("name")` in action fields. Admins only (workspace admins, `admin` keys);
 * the value is write-only: no answer ever holds it.
 */
export const secretsRouter = router({
  /** Name, description, who created and last changed it and when, and the flows that use it. */
  list: adminProcedure.output(z.array(ZSecretViewSchema)).query(({ ctx }) => listSecrets(ctx.deps, ctx.caller)),
  create: adminProcedure
    .input(ZCreateSecretRequestSchema)
    .output(ZSecretViewSchema)
    .mutation(({ ctx, input }) => createSecret(ctx.deps, ctx.caller, input)),
  /** A new value (rotation: the next request sent uses it) and/or description. */
  update: adminProcedure
    .input(ZUpdateSecretRequestSchema)
    .output(ZSecretViewSchema)
    .mutation(({ ctx, input }) => updateSecret(ctx.deps, ctx.caller, input)),
  /** Refused (CONFLICT, `details.flows`) while a flow's current version uses it. */
  delete: adminProcedure
    .input(id)
    .output(ZDeleteSecretResultSchema)
    .mutation(({ ctx, input }) => deleteSecret(ctx.deps, ctx.caller, input.id)),
});
