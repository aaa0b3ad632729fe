import { Installation } from '@uw/db';

import { notFound } from '../errors';
import { describeSettings } from '../services/settings/effective-settings';
import { router, workspaceProcedure } from '../trpc';

export const settingsRouter = router({
  /** The caller's effective settings, each with its origin (saved in Clockify, or the environment's default). */
  get: workspaceProcedure.query(async ({ ctx }) => {
    const installation = await ctx.deps.db.fork().findOne(Installation, { workspaceId: ctx.caller.workspaceId });
    if (!installation) throw notFound('installation');

    return {
      workspaceId: installation.workspaceId,
      status: installation.status,
      settings: describeSettings(ctx.deps.config.settingsDefaults, installation.settings),
    };
  }),
});
