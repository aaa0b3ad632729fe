import { createRoute } from '@tanstack/react-router';

import { ZWebhookSearchSchema } from './-components/search-schemas';
import { toListInput } from './-components/webhooks/webhook-filters';
import { WebhooksPage } from './-components/webhooks/webhooks-page';
import { rootRoute } from './__root';

export const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks',
  validateSearch: ZWebhookSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) => {
    void queryClient.prefetchQuery(trpc.webhooks.list.queryOptions(toListInput(deps)));
  },
  component: WebhooksPage,
});
