import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { trpc } from '../trpc/client';

/** Custom source id → name (ids are shown until the list arrives, or for a deleted source). */
export function useSourceNames(): Map<string, string> {
  const sources = useQuery({ ...trpc.sources.list.queryOptions(), staleTime: 60_000 });

  return useMemo(() => new Map((sources.data ?? []).map((s) => [s.id, s.name])), [sources.data]);
}
