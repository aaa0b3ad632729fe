import { createRoute } from '@tanstack/react-router';

import { FlowsPage } from './-components/flows/flows-page';
import { rootRoute } from './__root';

export const flowsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/flows',
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.flows.list.queryOptions());
  },
  component: FlowsPage,
});
