import { notFound } from '../errors';
import { ZIdInputSchema } from '../schemas/common.schemas';
import {
  ZListWebhooksSchema,
  ZReplayWebhookResultSchema,
  ZWebhookDetailSchema,
  ZWebhookPageSchema,
  ZWebhookStatsInputSchema,
  ZWebhookStatsSchema,
  ZWebhookSummarySchema,
} from '../schemas/webhooks.schemas';
import { getWebhook, listWebhooks } from '../services/webhooks/list-webhooks';
import { replayWebhook } from '../services/webhooks/replay';
import { webhookStats } from '../services/webhooks/stats';
import { readProcedure, router, writeProcedure } from '../trpc';

export const webhooksRouter = router({
  list: readProcedure
    .input(ZListWebhooksSchema)
    .output(ZWebhookPageSchema)
    .query(({ ctx, input }) => listWebhooks(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure
    .input(ZIdInputSchema)
    .output(ZWebhookDetailSchema)
    .query(async ({ ctx, input }) => {
      const found = await getWebhook(ctx.deps.db, ctx.caller.workspaceId, input.id);
      if (!found) throw notFound('webhook');

      return found;
    }),
  replay: writeProcedure
    .input(ZIdInputSchema)
    .output(ZReplayWebhookResultSchema)
    .mutation(({ ctx, input }) => replayWebhook(ctx.runtime, ctx.caller.workspaceId, input.id)),
  stats: readProcedure
    .input(ZWebhookStatsInputSchema)
    .output(ZWebhookStatsSchema)
    .query(({ ctx, input }) => webhookStats(ctx.deps.db, ctx.caller.workspaceId, input.hours)),
  /**
   * New log entries of the caller's workspace, as they are committed (SSE). tRPC cannot validate a
   * subscription's output, so each entry is parsed with `ZWebhookSummarySchema` as it is sent.
   */
  live: readProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const event of ctx.deps.bus.subscribe(ctx.caller.workspaceId, 'webhook.logged', signal)) {
      if (event.type !== 'webhook.logged') continue;
      const entry = await getWebhook(ctx.deps.db, ctx.caller.workspaceId, event.logId);
      if (entry) yield ZWebhookSummarySchema.parse(entry);
    }
  }),
});
