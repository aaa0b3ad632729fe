import { z } from 'zod';

import { restoreMaskedHeaders } from '@uw/flow-engine';

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
import { readProcedure, router, writeProcedure } from '../trpc';
import { ZIdInputSchema as id } from '../schemas/common.schemas';
import { ZExecutionPageSchema } from '../schemas/executions.schemas';
import {
  ZDeleteFlowResultSchema,
  ZDryRunInputSchema,
  ZDryRunResultSchema,
  ZFlowDetailSchema,
  ZFlowExecutionsInputSchema,
  ZFlowInputSchema,
  ZFlowSchema,
  ZFlowUpdateSchema,
  ZFlowVersionSchema,
  ZRunFlowInputSchema,
  ZRunFlowResultSchema,
} from '../schemas/flows.schemas';
import { runFlowNow } from '../services/triggers/run-flow';

export const flowsRouter = router({
  list: readProcedure.output(z.array(ZFlowSchema)).query(async ({ ctx }) => {
    return listFlows(ctx.deps, ctx.caller);
  }),
  get: readProcedure
    .input(id)
    .output(ZFlowDetailSchema)
    .query(({ ctx, input }) => getFlowWithDefinition(ctx.deps, ctx.caller, input.id)),
  create: writeProcedure
    .input(ZFlowInputSchema)
    .output(ZFlowSchema)
    .mutation(async ({ ctx, input }) => {
      const flow = await createFlow(ctx.deps, ctx.caller, input);
      await ctx.runtime.flowIndex.refresh();

      return flow;
    }),
  update: writeProcedure
    .input(ZFlowUpdateSchema)
    .output(ZFlowSchema)
    .mutation(async ({ ctx, input }) => {
      const flow = await updateFlow(ctx.deps, ctx.caller, input);
      await ctx.runtime.flowIndex.refresh();

      return flow;
    }),
  delete: writeProcedure
    .input(id)
    .output(ZDeleteFlowResultSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await deleteFlow(ctx.deps, ctx.caller, input.id);
      await ctx.runtime.flowIndex.refresh();

      return result;
    }),
  versions: readProcedure
    .input(id)
    .output(z.array(ZFlowVersionSchema))
    .query(async ({ ctx, input }) => {
      const versions = await listVersions(ctx.deps, ctx.caller, input.id);

      return versions.map((v) => ({ ...v, definition: showDefinition(v.definition) }));
    }),
  executions: readProcedure
    .input(ZFlowExecutionsInputSchema)
    .output(ZExecutionPageSchema)
    .query(async ({ ctx, input }) => {
      await getFlowOrThrow(ctx.deps, ctx.caller, input.flowId);

      return listExecutions(ctx.deps.db, ctx.caller.workspaceId, input);
    }),
  /** Queues an execution of the flow now (a manual run; any trigger), `sample` as its payload; returns its id. */
  run: writeProcedure
    .input(ZRunFlowInputSchema)
    .output(ZRunFlowResultSchema)
    .mutation(({ ctx, input }) => runFlowNow(ctx.runtime, ctx.caller.workspaceId, input)),
  /** Dry run of a saved flow (by id) or an unsaved definition, against a logged webhook or a sample event. */
  test: writeProcedure
    .input(ZDryRunInputSchema)
    .output(ZDryRunResultSchema)
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
