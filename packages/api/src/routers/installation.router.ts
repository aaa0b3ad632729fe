import { Installation, WebhookSubscription } from '@uw/db';

import { notFound } from '../errors';
import { repairWebhooks } from '../services/installations/webhook-registrations';
import { router, workspaceProcedure, writeProcedure } from '../trpc';

export const installationRouter = router({
  /** The caller's installation: status, API hosts, and how many webhook registrations we hold. */
  status: workspaceProcedure.query(async ({ ctx }) => {
    const em = ctx.deps.db.fork();
    const installation = await em.findOne(Installation, { workspaceId: ctx.caller.workspaceId });
    if (!installation) throw notFound('installation');
    const subscriptions = await em.find(WebhookSubscription, { workspaceId: ctx.caller.workspaceId }, { fields: ['eventType', 'origin'] });

    return {
      workspaceId: installation.workspaceId,
      status: installation.status,
      apiUrl: installation.apiUrl,
      reportsUrl: installation.reportsUrl,
      installedAt: installation.installedAt,
      webhooks: {
        manifest: subscriptions.filter((s) => s.origin === 'manifest').length,
        api: subscriptions.filter((s) => s.origin === 'api').length,
      },
    };
  }),
  /** Re-lists Clockify's webhooks and re-creates the missing ones (idempotent). */
  repairWebhooks: writeProcedure.mutation(async ({ ctx }) => {
    const installation = await ctx.deps.db.fork().findOne(Installation, { workspaceId: ctx.caller.workspaceId });
    if (!installation || installation.status === 'DELETED') throw notFound('installation');

    return repairWebhooks(ctx.deps, installation);
  }),
});
