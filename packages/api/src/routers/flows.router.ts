import { z } from 'zod';

import { ZIdInputSchema as id } from '../schemas/common.schemas';
import { flowTransferProcedures } from './flow-transfer.procedures';
import { ZExecutionPageSchema } from '../schemas/executions.schemas';
import {
  ZDeleteFlowInputSchema,
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
  ZSetFlowEnabledResultSchema,
  ZSetFlowEnabledSchema,
} from '../schemas/flows.schemas';
import { listFlowExecutions } from '../services/flows/flow-executions';
import { deleteFlowAndRuns, setFlowEnabled, updateFlowAndRuns } from '../services/flows/flow-lifecycle';
import { createFlow, getFlowWithDefinition, listFlows, listVersions } from '../services/flows/flow-store';
import { testFlow } from '../services/flows/test-flow';
import { runFlowNow } from '../services/triggers/run-flow';
import { readProcedure, router, writeProcedure } from '../trpc';

/** Creating, changing and deleting flows reload the flow index inside the service (`TFlowWriter`). */
export const flowsRouter = router({
  ...flowTransferProcedures,
  list: readProcedure.output(z.array(ZFlowSchema)).query(({ ctx }) => listFlows(ctx.deps, ctx.caller)),
  get: readProcedure
    .input(id)
    .output(ZFlowDetailSchema)
    .query(({ ctx, input }) => getFlowWithDefinition(ctx.deps, ctx.caller, input.id)),
  create: writeProcedure
    .input(ZFlowInputSchema)
    .output(ZFlowSchema)
    .mutation(({ ctx, input }) => createFlow(ctx.runtime, ctx.caller, input)),
  update: writeProcedure
    .input(ZFlowUpdateSchema)
    .output(ZFlowSchema)
    .mutation(({ ctx, input }) => updateFlowAndRuns(ctx.runtime, ctx.caller, input)),
  /** On or off; off cancels its queued, waiting and retrying executions unless `cancelRunning` is false. */
  setEnabled: writeProcedure
    .input(ZSetFlowEnabledSchema)
    .output(ZSetFlowEnabledResultSchema)
    .mutation(({ ctx, input }) => setFlowEnabled(ctx.runtime, ctx.caller, input)),
  /** Soft delete; cancels its executions unless `cancelRunning` is false. */
  delete: writeProcedure
    .input(ZDeleteFlowInputSchema)
    .output(ZDeleteFlowResultSchema)
    .mutation(({ ctx, input }) => deleteFlowAndRuns(ctx.runtime, ctx.caller, input)),
  versions: readProcedure
    .input(id)
    .output(z.array(ZFlowVersionSchema))
    .query(({ ctx, input }) => listVersions(ctx.deps, ctx.caller, input.id)),
  executions: readProcedure
    .input(ZFlowExecutionsInputSchema)
    .output(ZExecutionPageSchema)
    .query(({ ctx, input }) => listFlowExecutions(ctx.deps, ctx.caller, input)),
  /** Queues an execution of the flow now (a manual run; any trigger), `sample` as its payload; returns its id. */
  run: writeProcedure
    .input(ZRunFlowInputSchema)
    .output(ZRunFlowResultSchema)
    .mutation(({ ctx, input }) => runFlowNow(ctx.runtime, ctx.caller.workspaceId, input)),
  /** Dry run of a saved flow (by id) or an unsaved definition, against a logged webhook or a sample event. */
  test: writeProcedure
    .input(ZDryRunInputSchema)
    .output(ZDryRunResultSchema)
    .mutation(({ ctx, input }) => testFlow(ctx.runtime, ctx.caller, input)),
});
