import { z } from 'zod';

import { notFound } from '../errors';
import { getWebhook, listWebhooks, ZListWebhooksSchema } from '../services/webhooks/list-webhooks';
import { replayWebhook } from '../services/webhooks/replay';
import { webhookStats } from '../services/webhooks/stats';
import { readProcedure, router, writeProcedure } from '../trpc';

export const webhooksRouter = router({
  list: readProcedure.input(ZListWebhooksSchema).query(({ ctx, input }) => listWebhooks(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const found = await getWebhook(ctx.deps.db, ctx.caller.workspaceId, input.id);
    if (!found) throw notFound('webhook');

    return found;
  }),
  replay: writeProcedure
    .input(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => replayWebhook(ctx.runtime, ctx.caller.workspaceId, input.id)),
  stats: readProcedure
    .input(
      z
        .object({
          hours: z
            .number()
            .int()
            .min(1)
            .max(24 * 30)
            .default(24),
        })
        .default({ hours: 24 }),
    )
    .query(({ ctx, input }) => webhookStats(ctx.deps.db, ctx.caller.workspaceId, input.hours)),
  /** New log entries of the caller's workspace, as they are committed (SSE). */
  live: readProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const event of ctx.deps.bus.subscribe(ctx.caller.workspaceId, 'webhook.logged', signal)) {
      if (event.type !== 'webhook.logged') continue;
      const entry = await getWebhook(ctx.deps.db, ctx.caller.workspaceId, event.logId);
      if (entry) {
        const { payload: _p, headers: _h, ...summary } = entry;
        yield summary;
      }
    }
  }),
});
