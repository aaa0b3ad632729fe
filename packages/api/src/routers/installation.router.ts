import { ZInstallationStatusSchema, ZRepairResultSchema } from '../schemas/installation.schemas';
import { getInstallationStatus, repairCallerWebhooks } from '../services/installations/installation-status';
import { router, workspaceProcedure, writeProcedure } from '../trpc';

export const installationRouter = router({
  /** The caller's installation: status, API hosts, and how many webhook registrations we hold. */
  status: workspaceProcedure.output(ZInstallationStatusSchema).query(({ ctx }) => getInstallationStatus(ctx.deps, ctx.caller)),
  /** Re-lists Clockify's webhooks and re-creates the missing ones (idempotent). */
  repairWebhooks: writeProcedure
    .meta({ noInput: true })
    .output(ZRepairResultSchema)
    .mutation(({ ctx }) => repairCallerWebhooks(ctx.deps, ctx.caller)),
});
