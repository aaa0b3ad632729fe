import { bootstrapRouter } from './routers/bootstrap.router';
import { cacheRouter } from './routers/cache.router';
import { executionsRouter } from './routers/executions.router';
import { flowsRouter } from './routers/flows.router';
import { keysRouter } from './routers/keys.router';
import { settingsRouter } from './routers/settings.router';
import { sourcesRouter } from './routers/sources.router';
import { webhooksRouter } from './routers/webhooks.router';
import { router } from './trpc';

/** Composition only: one router per domain. */
export const appRouter = router({
  settings: settingsRouter,
  webhooks: webhooksRouter,
  flows: flowsRouter,
  executions: executionsRouter,
  sources: sourcesRouter,
  keys: keysRouter,
  bootstrap: bootstrapRouter,
  cache: cacheRouter,
});

export type AppRouter = typeof appRouter;
