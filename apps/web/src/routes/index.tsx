import { createRoute } from '@tanstack/react-router';

import { DashboardPage } from './-components/dashboard/dashboard-page';
import { rootRoute } from './__root';

export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.dashboard.get.queryOptions());
    void queryClient.prefetchQuery(trpc.webhooks.stats.queryOptions({ hours: 24 }));
  },
  component: DashboardPage,
});
