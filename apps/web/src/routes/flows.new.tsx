import { createRoute, lazyRouteComponent } from '@tanstack/react-router';

import { ZNewFlowSearchSchema } from './-components/search-schemas';
import { rootRoute } from './__root';

export const newFlowRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/flows/new',
  validateSearch: ZNewFlowSearchSchema,
  component: lazyRouteComponent(() => import('../flow-editor/new-flow-page'), 'NewFlowPage'),
});
