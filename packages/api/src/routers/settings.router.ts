import { ZWorkspaceSettingsSchema } from '../schemas/settings.schemas';
import { getWorkspaceSettings } from '../services/settings/workspace-settings';
import { router, workspaceProcedure } from '../trpc';

export const settingsRouter = router({
  /** The caller's effective settings, each with its origin (saved in Clockify, or the environment's default). */
  get: workspaceProcedure.output(ZWorkspaceSettingsSchema).query(({ ctx }) => getWorkspaceSettings(ctx.deps, ctx.caller)),
});
