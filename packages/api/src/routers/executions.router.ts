import { notFound } from '../errors';
import { ZIdInputSchema } from '../schemas/common.schemas';
import {
  ZExecutionDetailSchema,
  ZExecutionPageSchema,
  ZExecutionUpdateSchema,
  ZListExecutionsSchema,
  ZRetryExecutionInputSchema,
  ZRetryExecutionResultSchema,
} from '../schemas/executions.schemas';
import { retryExecution } from '../services/executions/retry-execution';
import { getExecution, listExecutions } from '../services/executions/timeline';
import { readProcedure, router, writeProcedure } from '../trpc';

export const executionsRouter = router({
  list: readProcedure
    .input(ZListExecutionsSchema)
    .output(ZExecutionPageSchema)
    .query(({ ctx, input }) => listExecutions(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure
    .input(ZIdInputSchema)
    .output(ZExecutionDetailSchema)
    .query(async ({ ctx, input }) => {
      const found = await getExecution(ctx.deps.db, ctx.caller.workspaceId, input.id);
      if (!found) throw notFound('execution');

      return found;
    }),
  retry: writeProcedure
    .input(ZRetryExecutionInputSchema)
    .output(ZRetryExecutionResultSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await retryExecution(ctx.deps, ctx.caller.workspaceId, input);
      ctx.runtime.nudge.notify();

      return result;
    }),
  /** Status changes of the caller's executions (SSE), for live timelines; each parsed with `ZExecutionUpdateSchema`. */
  live: readProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const event of ctx.deps.bus.subscribe(ctx.caller.workspaceId, 'execution.updated', signal)) {
      if (event.type === 'execution.updated') yield ZExecutionUpdateSchema.parse({ executionId: event.executionId, status: event.status });
    }
  }),
});
