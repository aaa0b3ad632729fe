import { createRouter } from '@tanstack/react-router';

import { Loading } from './components/states';
import { auditRoute } from './routes/audit';
import { dashboardRoute } from './routes/index';
import { executionDetailRoute } from './routes/executions.$id';
import { executionsRoute } from './routes/executions.index';
import { explorerOperationRoute } from './routes/explorer.$operationId';
import { explorerRoute } from './routes/explorer.index';
import { flowEditorRoute } from './routes/flows.$flowId';
import { flowsRoute } from './routes/flows.index';
import { newFlowRoute } from './routes/flows.new';
import { settingsRoute } from './routes/settings';
import { webhookDetailRoute } from './routes/webhooks.$id';
import { webhooksRoute } from './routes/webhooks.index';
import { rootRoute } from './routes/__root';
import { queryClient, trpc } from './trpc/client';

/** Routes are declared in code (no codegen plugin); each file under routes/ exports one route. */
export const routeTree = rootRoute.addChildren([
  dashboardRoute,
  webhooksRoute,
  webhookDetailRoute,
  explorerRoute,
  explorerOperationRoute,
  flowsRoute,
  newFlowRoute,
  flowEditorRoute,
  executionsRoute,
  executionDetailRoute,
  settingsRoute,
  auditRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient, trpc },
  defaultPreload: 'intent',
  // Loaders only warm the react-query cache; react-query decides freshness.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: () => <Loading label="Loading page…" />,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
