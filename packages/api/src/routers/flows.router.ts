import { z } from 'zod';

import { Flow, FlowVersion } from '@uw/db';

import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import { listExecutions } from '../services/executions/timeline';
import { dryRunFlow } from '../services/flows/dry-run';
import { createFlow, deleteFlow, getFlowOrThrow, listVersions, updateFlow } from '../services/flows/flow-store';
import { ZFlowInputSchema, ZFlowUpdateSchema } from '../services/flows/flow-schemas';
import { adminProcedure, router, workspaceProcedure } from '../trpc';
import { ZListExecutionsSchema } from './executions.router';

const id = z.object({ id: z.string() });

export const flowsRouter = router({
  list: workspaceProcedure.query(async ({ ctx }) => {
    return ctx.deps.db.fork().find(Flow, { workspaceId: ctx.caller.workspaceId, deletedAt: null }, { orderBy: { createdAt: 'desc' } });
  }),
  get: workspaceProcedure.input(id).query(async ({ ctx, input }) => {
    const flow = await getFlowOrThrow(ctx.deps, ctx.caller, input.id);
    const version = await ctx.deps.db.fork().findOneOrFail(FlowVersion, { id: flow.currentVersionId, workspaceId: ctx.caller.workspaceId });

    return { ...flow, definition: version.definition };
  }),
  create: adminProcedure.input(ZFlowInputSchema).mutation(async ({ ctx, input }) => {
    const flow = await createFlow(ctx.deps, ctx.caller, input);
    await ctx.runtime.flowIndex.refresh();

    return flow;
  }),
  update: adminProcedure.input(ZFlowUpdateSchema).mutation(async ({ ctx, input }) => {
    const flow = await updateFlow(ctx.deps, ctx.caller, input);
    await ctx.runtime.flowIndex.refresh();

    return flow;
  }),
  delete: adminProcedure.input(id).mutation(async ({ ctx, input }) => {
    const result = await deleteFlow(ctx.deps, ctx.caller, input.id);
    await ctx.runtime.flowIndex.refresh();

    return result;
  }),
  versions: workspaceProcedure.input(id).query(({ ctx, input }) => listVersions(ctx.deps, ctx.caller, input.id)),
  executions: workspaceProcedure.input(ZListExecutionsSchema.extend({ flowId: z.string() })).query(async ({ ctx, input }) => {
    await getFlowOrThrow(ctx.deps, ctx.caller, input.flowId);

    return listExecutions(ctx.deps.db, ctx.caller.workspaceId, input);
  }),
  /** Dry run of a saved flow (by id) or an unsaved definition, against a logged webhook or a sample event. */
  test: adminProcedure
    .input(
      z.object({
        id: z.string().optional(),
        definition: ZFlowDefinitionSchema.optional(),
        webhookId: z.string().optional(),
        sample: z.object({ eventType: z.string(), payload: z.unknown(), headers: z.record(z.string(), z.string()).optional() }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      let definition = input.definition;
      if (!definition) {
        const flow = await getFlowOrThrow(ctx.deps, ctx.caller, input.id ?? '');
        definition = (
          await ctx.deps.db.fork().findOneOrFail(FlowVersion, { id: flow.currentVersionId, workspaceId: ctx.caller.workspaceId })
        ).definition;
      }

      return dryRunFlow(ctx.runtime, ctx.caller.workspaceId, { definition, webhookId: input.webhookId, sample: input.sample });
    }),
});
