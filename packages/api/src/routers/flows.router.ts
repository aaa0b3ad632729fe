import { z } from 'zod';

import { restoreMaskedHeaders, ZFlowDefinitionSchema } from '@uw/flow-engine';

import { UserError } from '../errors';
import { listExecutions } from '../services/executions/timeline';
import { dryRunFlow } from '../services/flows/dry-run';
import {
  createFlow,
  currentDefinition,
  deleteFlow,
  getFlowOrThrow,
  getFlowWithDefinition,
  listFlows,
  listVersions,
  updateFlow,
} from '../services/flows/flow-store';
import { showDefinition, showDryRun } from '../services/flows/masking';
import { ZFlowInputSchema, ZFlowUpdateSchema } from '../services/flows/flow-schemas';
import { readProcedure, router, writeProcedure } from '../trpc';
import { ZListExecutionsSchema } from './executions.router';

const id = z.object({ id: z.string() });

export const flowsRouter = router({
  list: readProcedure.query(({ ctx }) => listFlows(ctx.deps, ctx.caller)),
  get: readProcedure.input(id).query(({ ctx, input }) => getFlowWithDefinition(ctx.deps, ctx.caller, input.id)),
  create: writeProcedure.input(ZFlowInputSchema).mutation(async ({ ctx, input }) => {
    const flow = await createFlow(ctx.deps, ctx.caller, input);
    await ctx.runtime.flowIndex.refresh();

    return flow;
  }),
  update: writeProcedure.input(ZFlowUpdateSchema).mutation(async ({ ctx, input }) => {
    const flow = await updateFlow(ctx.deps, ctx.caller, input);
    await ctx.runtime.flowIndex.refresh();

    return flow;
  }),
  delete: writeProcedure.input(id).mutation(async ({ ctx, input }) => {
    const result = await deleteFlow(ctx.deps, ctx.caller, input.id);
    await ctx.runtime.flowIndex.refresh();

    return result;
  }),
  versions: readProcedure.input(id).query(async ({ ctx, input }) => {
    const versions = await listVersions(ctx.deps, ctx.caller, input.id);

    return versions.map((v) => ({ ...v, definition: showDefinition(v.definition) }));
  }),
  executions: readProcedure.input(ZListExecutionsSchema.extend({ flowId: z.string() })).query(async ({ ctx, input }) => {
    await getFlowOrThrow(ctx.deps, ctx.caller, input.flowId);

    return listExecutions(ctx.deps.db, ctx.caller.workspaceId, input);
  }),
  /** Dry run of a saved flow (by id) or an unsaved definition, against a logged webhook or a sample event. */
  test: writeProcedure
    .input(
      z.object({
        id: z.string().optional(),
        definition: ZFlowDefinitionSchema.optional(),
        webhookId: z.string().optional(),
        sample: z.object({ eventType: z.string(), payload: z.unknown(), headers: z.record(z.string(), z.string()).optional() }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const stored = input.id ? await currentDefinition(ctx.deps, ctx.caller, input.id) : null;
      // An edited document comes back masked: its headers take the saved flow's values when there is one.
      const definition = input.definition ? restoreMaskedHeaders(input.definition, stored).definition : stored;
      if (!definition) throw new UserError('VALIDATION_FAILED', 'send the id of a saved flow or a definition');
      const result = await dryRunFlow(ctx.runtime, ctx.caller.workspaceId, {
        definition,
        webhookId: input.webhookId,
        sample: input.sample,
      });

      return showDryRun(result);
    }),
});
