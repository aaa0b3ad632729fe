import { z } from 'zod';

import {
  createSource,
  deleteSource,
  getSourceOrThrow,
  listSources,
  rotateSecret,
  toSourceView,
  updateSource,
  ZSourceInputSchema,
} from '../services/sources/source-store';
import { adminProcedure, router } from '../trpc';

const id = z.object({ id: z.string() });

export const sourcesRouter = router({
  list: adminProcedure.query(({ ctx }) => listSources(ctx.deps, ctx.caller)),
  get: adminProcedure
    .input(id)
    .query(async ({ ctx, input }) => toSourceView(await getSourceOrThrow(ctx.deps, ctx.caller, input.id), ctx.deps.config.baseUrl)),
  create: adminProcedure.input(ZSourceInputSchema).mutation(({ ctx, input }) => createSource(ctx.deps, ctx.caller, input)),
  update: adminProcedure
    .input(z.object({ id: z.string(), data: ZSourceInputSchema.omit({ verification: true, secret: true }).partial() }))
    .mutation(({ ctx, input }) => updateSource(ctx.deps, ctx.caller, input.id, input.data)),
  delete: adminProcedure.input(id).mutation(({ ctx, input }) => deleteSource(ctx.deps, ctx.caller, input.id)),
  rotateSecret: adminProcedure
    .input(z.object({ id: z.string(), secret: z.string().min(8).max(512).optional() }))
    .mutation(({ ctx, input }) => rotateSecret(ctx.deps, ctx.caller, input.id, input.secret)),
});
