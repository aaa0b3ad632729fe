import { useQuery } from '@tanstack/react-query';

import { trpc } from '../trpc/client';

/** Clockify's 51 event types with descriptions (meta.eventTypes); they never change while the app runs. */
export function useEventTypes() {
  const query = useQuery({ ...trpc.meta.eventTypes.queryOptions(), staleTime: Number.POSITIVE_INFINITY });

  return { eventTypes: query.data ?? [], unavailable: query.isError, query };
}
