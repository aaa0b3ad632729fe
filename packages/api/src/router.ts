import { settingsRouter } from './routers/settings.router';
import { router } from './trpc';

/** Composition only: one router per domain. */
export const appRouter = router({
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
