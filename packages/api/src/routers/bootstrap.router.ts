import { ZBootstrapTriggerRequestSchema, ZBootstrapTriggerResultSchema, ZBootstrapViewSchema } from '../schemas/bootstrap.schemas';
import { getBootstrapStatus } from '../services/bootstrap/bootstrap-status';
import { triggerBootstrap } from '../services/bootstrap/trigger-bootstrap';
import { watchBootstrap } from '../services/bootstrap/watch-bootstrap';
import { parseEach, router, workspaceProcedure, writeProcedure } from '../trpc';

export const bootstrapRouter = router({
  /** State, plan (each step with why it is in or out), progress fraction and ETA. */
  status: workspaceProcedure.output(ZBootstrapViewSchema).query(({ ctx }) => getBootstrapStatus(ctx.deps, ctx.caller.workspaceId)),
  /** Starts (or resumes, unless `restart`) the bootstrap; `started: false` with the reason when it cannot. */
  trigger: writeProcedure
    .input(ZBootstrapTriggerRequestSchema)
    .output(ZBootstrapTriggerResultSchema)
    .mutation(({ ctx, input }) => triggerBootstrap(ctx.runtime, ctx.caller.workspaceId, input)),
  /** The status (SSE) now and after every change. */
  progress: workspaceProcedure
    .meta({ items: ZBootstrapViewSchema })
    .subscription(({ ctx, signal }) => parseEach(ZBootstrapViewSchema, watchBootstrap(ctx.deps, ctx.caller.workspaceId, signal))),
});
