import { createRoute, lazyRouteComponent } from '@tanstack/react-router';

import { rootRoute } from './__root';

export const flowEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/flows/$flowId',
  loader: ({ context: { queryClient, trpc }, params }) => queryClient.ensureQueryData(trpc.flows.get.queryOptions({ id: params.flowId })),
  component: lazyRouteComponent(() => import('../flow-editor/edit-flow-page'), 'EditFlowPage'),
});
