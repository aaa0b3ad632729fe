import { createRoute } from '@tanstack/react-router';

import { SettingsPage } from './-components/settings/settings-page';
import { rootRoute } from './__root';

export const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.settings.get.queryOptions());
    void queryClient.prefetchQuery(trpc.sources.list.queryOptions());
  },
  component: SettingsPage,
});
