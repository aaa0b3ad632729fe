import { z } from 'zod';

import { getBootstrapStatus } from '../services/bootstrap/bootstrap-status';
import { router, workspaceProcedure, writeProcedure } from '../trpc';

/** Progress events are in-process; polling this often also shows runs held by another process. */
const POLL_MS = 2_000;

export const ZBootstrapTriggerRequestSchema = z.object({ restart: z.boolean().optional() }).optional();

export const bootstrapRouter = router({
  /** State, plan (each step with why it is in or out), progress fraction and ETA. */
  status: workspaceProcedure.query(({ ctx }) => getBootstrapStatus(ctx.deps, ctx.caller.workspaceId)),
  /** Starts (or resumes, unless `restart`) the bootstrap; `started: false` with the reason when it cannot. */
  trigger: writeProcedure.input(ZBootstrapTriggerRequestSchema).mutation(async ({ ctx, input }) => {
    const result = await ctx.runtime.bootstraps.start(ctx.caller.workspaceId, { restart: input?.restart === true, trigger: 'manual' });

    return {
      started: result.started,
      resumed: result.resumed,
      reason: result.reason,
      status: await getBootstrapStatus(ctx.deps, ctx.caller.workspaceId),
    };
  }),
  /** The status (SSE) now and after every change. */
  progress: workspaceProcedure.subscription(async function* ({ ctx, signal }) {
    const workspaceId = ctx.caller.workspaceId;
    const events = ctx.deps.bus.subscribe(workspaceId, 'bootstrap.progress', signal)[Symbol.asyncIterator]();
    let pending: Promise<unknown> | null = null;
    let ended = false;
    let last = '';
    while (!signal?.aborted) {
      const state = await getBootstrapStatus(ctx.deps, workspaceId);
      const key = `${state.status}:${state.updatedAt}:${state.active}`;
      if (key !== last) {
        last = key;
        yield state;
      }
      if (!ended) {
        pending ??= events.next().then((r) => {
          pending = null;
          ended = r.done === true;
        });
      }
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, POLL_MS);
      });
      await Promise.race(ended ? [tick] : [pending, tick]);
      clearTimeout(timer);
    }
  }),
});
