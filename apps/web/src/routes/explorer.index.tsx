import { createRoute, lazyRouteComponent } from '@tanstack/react-router';

import { ZExplorerSearchSchema } from './-components/search-schemas';
import { rootRoute } from './__root';

export const explorerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/explorer',
  validateSearch: ZExplorerSearchSchema,
  component: lazyRouteComponent(() => import('./-components/explorer/explorer-page'), 'ExplorerPage'),
});
