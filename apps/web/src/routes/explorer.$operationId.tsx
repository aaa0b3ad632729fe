import { createRoute, lazyRouteComponent } from '@tanstack/react-router';

import { rootRoute } from './__root';

export const explorerOperationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/explorer/$operationId',
  component: lazyRouteComponent(() => import('./-components/explorer/operation-page'), 'OperationPage'),
});
