import { getDashboard } from '../services/explorer/dashboard-summary';
import { ZDashboardSchema } from '../services/explorer/dashboard.types';
import { readProcedure, router } from '../trpc';

/** The caller's workspace at a glance: installation, webhooks, executions, cache and bootstrap. */
export const dashboardRouter = router({
  get: readProcedure.output(ZDashboardSchema).query(({ ctx }) => getDashboard(ctx.deps, ctx.caller.workspaceId)),
});
