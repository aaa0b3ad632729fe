import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';

import { trpc } from '../../../trpc/client';
import type { TWebhookDetail } from '../../../trpc/types';

const ACTIVE = new Set(['queued', 'waiting', 'running']);

/** Whether any execution the webhook started has not finished yet. */
export const hasActiveExecutions = (webhook: TWebhookDetail | undefined) => webhook?.executions.some((e) => ACTIVE.has(e.status)) ?? false;

/**
 * Keeps a webhook's executions table current: every execution status change of the workspace (executions.live,
 * SSE) refetches the webhook, so runs queued by a replay (here or elsewhere) and their outcomes appear.
 * Returns the connection status; the page polls slowly while executions are active if it is not connected.
 */
export function useWebhookUpdates(webhookId: string) {
  const queryClient = useQueryClient();
  const sub = useSubscription(
    trpc.executions.live.subscriptionOptions(undefined, {
      onData: () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey({ id: webhookId }) }),
    }),
  );

  return sub.status;
}
