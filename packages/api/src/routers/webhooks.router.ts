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
import { getWebhookOrThrow, listWebhooks } from '../services/webhooks/list-webhooks';
import { liveWebhooks } from '../services/webhooks/live-webhooks';
import { replayWebhook } from '../services/webhooks/replay';
import { webhookStats } from '../services/webhooks/stats';
import { parseEach, readProcedure, router, writeProcedure } from '../trpc';

export const webhooksRouter = router({
  list: readProcedure
    .input(ZListWebhooksSchema)
    .output(ZWebhookPageSchema)
    .query(({ ctx, input }) => listWebhooks(ctx.deps.db, ctx.caller.workspaceId, input)),
  get: readProcedure
    .input(ZIdInputSchema)
    .output(ZWebhookDetailSchema)
    .query(({ ctx, input }) => getWebhookOrThrow(ctx.deps.db, ctx.caller.workspaceId, input.id)),
  replay: writeProcedure
    .input(ZIdInputSchema)
    .output(ZReplayWebhookResultSchema)
    .mutation(({ ctx, input }) => replayWebhook(ctx.runtime, ctx.caller.workspaceId, input.id)),
  stats: readProcedure
    .input(ZWebhookStatsInputSchema)
    .output(ZWebhookStatsSchema)
    .query(({ ctx, input }) => webhookStats(ctx.deps.db, ctx.caller.workspaceId, input.hours)),
  /** New log entries of the caller's workspace, as they are committed (SSE). */
  live: readProcedure
    .meta({ items: ZWebhookSummarySchema })
    .subscription(({ ctx, signal }) => parseEach(ZWebhookSummarySchema, liveWebhooks(ctx.deps, ctx.caller.workspaceId, signal))),
});
