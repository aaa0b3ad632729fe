import { createRoute } from '@tanstack/react-router';

import { ExecutionsPage } from './-components/executions/executions-page';
import { ZExecutionSearchSchema } from './-components/search-schemas';
import { rootRoute } from './__root';

export const executionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/executions',
  validateSearch: ZExecutionSearchSchema,
  component: ExecutionsPage,
});
