import { auditRouter } from './routers/audit.router';
import { bootstrapRouter } from './routers/bootstrap.router';
import { cacheRouter } from './routers/cache.router';
import { dashboardRouter } from './routers/dashboard.router';
import { executionsRouter } from './routers/executions.router';
import { explorerRouter } from './routers/explorer.router';
import { flowsRouter } from './routers/flows.router';
import { installationRouter } from './routers/installation.router';
import { keysRouter } from './routers/keys.router';
import { metaRouter } from './routers/meta.router';
import { secretsRouter } from './routers/secrets.router';
import { settingsRouter } from './routers/settings.router';
import { sourcesRouter } from './routers/sources.router';
import { webhooksRouter } from './routers/webhooks.router';
import { router } from './trpc';

/** Composition only: one router per domain. */
export const appRouter = router({
  installation: installationRouter,
  settings: settingsRouter,
  webhooks: webhooksRouter,
  flows: flowsRouter,
  executions: executionsRouter,
  sources: sourcesRouter,
  keys: keysRouter,
  secrets: secretsRouter,
  bootstrap: bootstrapRouter,
  cache: cacheRouter,
  explorer: explorerRouter,
  dashboard: dashboardRouter,
  meta: metaRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
