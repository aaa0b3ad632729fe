import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';

import { trpc } from '../../../trpc/client';

/**
 * Follows executions.live (SSE): a status change refetches the execution lists, and the one execution
 * when `executionId` is given. Returns the connection status for a "live" badge.
 */
export function useExecutionUpdates(executionId?: string) {
  const queryClient = useQueryClient();
  const sub = useSubscription(
    trpc.executions.live.subscriptionOptions(undefined, {
      onData: (event) => {
        void queryClient.invalidateQueries({ queryKey: trpc.executions.list.queryKey() });
        if (!executionId || event.executionId === executionId) {
          void queryClient.invalidateQueries({ queryKey: trpc.executions.get.queryKey(executionId ? { id: executionId } : undefined) });
        }
      },
    }),
  );

  return sub.status;
}
