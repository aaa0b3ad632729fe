import { z } from 'zod';

import { ZIdInputSchema as id } from '../schemas/common.schemas';
import {
  ZDeleteSourceResultSchema,
  ZRotateSecretInputSchema,
  ZSourceInputSchema,
  ZSourceUpdateSchema,
  ZSourceViewSchema,
  ZSourceWithSecretSchema,
} from '../schemas/sources.schemas';
import { createSource, deleteSource, getSourceView, listSources, rotateSecret, updateSource } from '../services/sources/source-store';
import { adminProcedure, router } from '../trpc';

export const sourcesRouter = router({
  list: adminProcedure.output(z.array(ZSourceViewSchema)).query(({ ctx }) => listSources(ctx.deps, ctx.caller)),
  get: adminProcedure
    .input(id)
    .output(ZSourceViewSchema)
    .query(({ ctx, input }) => getSourceView(ctx.deps, ctx.caller, input.id)),
  /** The secret is in this answer only (null for a source without verification). */
  create: adminProcedure
    .input(ZSourceInputSchema)
    .output(ZSourceWithSecretSchema)
    .mutation(({ ctx, input }) => createSource(ctx.deps, ctx.caller, input)),
  update: adminProcedure
    .input(ZSourceUpdateSchema)
    .output(ZSourceViewSchema)
    .mutation(({ ctx, input }) => updateSource(ctx.deps, ctx.caller, input)),
  delete: adminProcedure
    .input(id)
    .output(ZDeleteSourceResultSchema)
    .mutation(({ ctx, input }) => deleteSource(ctx.deps, ctx.caller, input.id)),
  /** A new secret first; the previous one stays live, older ones are dropped. The new secret is answered once. */
  rotateSecret: adminProcedure
    .input(ZRotateSecretInputSchema)
    .output(ZSourceWithSecretSchema)
    .mutation(({ ctx, input }) => rotateSecret(ctx.deps, ctx.caller, input)),
});
