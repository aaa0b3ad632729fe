import { createRoute } from '@tanstack/react-router';

import { ExecutionDetailPage } from './-components/executions/execution-detail-page';
import { rootRoute } from './__root';

export const executionDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/executions/$id',
  component: ExecutionDetailPage,
});
