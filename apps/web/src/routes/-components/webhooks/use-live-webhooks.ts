import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';

import { trpc } from '../../../trpc/client';
import type { TWebhookSummary } from '../../../trpc/types';

const MAX_LIVE = 200;

/** While `enabled`, collects new log entries from the `webhooks.live` subscription, newest first. */
export function useLiveWebhooks(enabled: boolean) {
  const [items, setItems] = useState<TWebhookSummary[]>([]);
  useEffect(() => {
    if (!enabled) setItems([]);
  }, [enabled]);
  const sub = useSubscription(
    trpc.webhooks.live.subscriptionOptions(undefined, {
      enabled,
      onData: (entry) => setItems((prev) => [entry, ...prev.filter((p) => p.id !== entry.id)].slice(0, MAX_LIVE)),
    }),
  );

  return { items, status: sub.status, error: sub.error };
}
