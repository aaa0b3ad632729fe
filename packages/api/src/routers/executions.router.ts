import { z } from 'zod';

import { notFound } from '../errors';
import { retryExecution } from '../services/executions/retry-execution';
import { getExecution, listExecutions } from '../services/executions/timeline';
import { readProcedure, router, writeProcedure } from '../trpc';

export const ZListExecutionsSchema = z.object({
  flowId: z.string().optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const executionsRouter = router({
  list: readProcedure.input(ZListExecutionsSchema).query(({ ctx, input }) => listExecutions(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const found = await getExecution(ctx.deps.db, ctx.caller.workspaceId, input.id);
    if (!found) throw notFound('execution');

    return found;
  }),
  retry: writeProcedure
    .input(
      z.object({
        id: z.string(),
        from: z.enum(['failed_step', 'start']).default('failed_step'),
        version: z.enum(['same', 'current']).default('same'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await retryExecution(ctx.deps, ctx.caller.workspaceId, input);
      ctx.runtime.hooks.onQueued();

      return result;
    }),
  /** Status changes of the caller's executions (SSE), for live timelines. */
  live: readProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const event of ctx.deps.bus.subscribe(ctx.caller.workspaceId, 'execution.updated', signal)) {
      if (event.type === 'execution.updated') yield { executionId: event.executionId, status: event.status };
    }
  }),
});
