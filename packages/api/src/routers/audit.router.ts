import { ZAuditListInputSchema, ZAuditPageSchema } from '../schemas/audit.schemas';
import { listAudit } from '../services/audit/list-audit';
import { readProcedure, router } from '../trpc';

export const auditRouter = router({
  /** Who changed what and when: flows, sources, keys, secrets, settings, retries, cancels, replays. */
  list: readProcedure
    .input(ZAuditListInputSchema)
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listAudit(ctx.deps, ctx.caller.workspaceId, input)),
});
