import { useQuery } from '@tanstack/react-query';

import type { TEventTypeInfo } from '../api-contract/pending-types';
import { isMissingProcedure } from '../trpc/errors';
import { pendingQuery } from '../trpc/pending';

/**
 * Clockify's event types with descriptions, from `meta.eventTypes` when the server has it.
 * `missing` tells the caller to fall back to free text.
 */
export function useEventTypes() {
  const query = useQuery({ ...pendingQuery<TEventTypeInfo[]>('meta.eventTypes'), staleTime: Number.POSITIVE_INFINITY });

  return { eventTypes: query.data ?? [], missing: query.isError && isMissingProcedure(query.error), query };
}
