import { ZIdInputSchema } from '../schemas/common.schemas';
import {
  ZCancelExecutionResultSchema,
  ZExecutionDetailSchema,
  ZExecutionPageSchema,
  ZExecutionUpdateSchema,
  ZListExecutionsSchema,
  ZRetryExecutionInputSchema,
  ZRetryExecutionResultSchema,
} from '../schemas/executions.schemas';
import { cancelExecution } from '../services/executions/cancel-execution';
import { retryExecution } from '../services/executions/retry-execution';
import { liveExecutions } from '../services/executions/live-executions';
import { getExecutionOrThrow, listExecutions } from '../services/executions/timeline';
import { parseEach, readProcedure, router, writeProcedure } from '../trpc';

export const executionsRouter = router({
  list: readProcedure
    .input(ZListExecutionsSchema)
    .output(ZExecutionPageSchema)
    .query(({ ctx, input }) => listExecutions(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure
    .input(ZIdInputSchema)
    .output(ZExecutionDetailSchema)
    .query(({ ctx, input }) => getExecutionOrThrow(ctx.deps.db, ctx.caller.workspaceId, input.id)),
  retry: writeProcedure
    .input(ZRetryExecutionInputSchema)
    .output(ZRetryExecutionResultSchema)
    .mutation(({ ctx, input }) => retryExecution(ctx.runtime, ctx.caller.workspaceId, input)),
  /** Queued, waiting or retrying: cancelled at once; running: stops at its next step boundary. A finished one: CONFLICT. */
  cancel: writeProcedure
    .input(ZIdInputSchema)
    .output(ZCancelExecutionResultSchema)
    .mutation(({ ctx, input }) => cancelExecution(ctx.runtime, ctx.caller, input.id)),
  /** Status changes of the caller's executions (SSE), for live timelines. */
  live: readProcedure
    .meta({ items: ZExecutionUpdateSchema })
    .subscription(({ ctx, signal }) => parseEach(ZExecutionUpdateSchema, liveExecutions(ctx.deps, ctx.caller.workspaceId, signal))),
});
