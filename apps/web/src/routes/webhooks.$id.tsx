import { createRoute } from '@tanstack/react-router';

import { WebhookDetailPage } from './-components/webhooks/webhook-detail-page';
import { rootRoute } from './__root';

export const webhookDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks/$id',
  loader: ({ context: { queryClient, trpc }, params }) => queryClient.ensureQueryData(trpc.webhooks.get.queryOptions({ id: params.id })),
  component: WebhookDetailPage,
});
