import { useQuery } from '@tanstack/react-query';

import { trpc } from '../../../trpc/client';

/** dashboard.get: one summary shared by the installation and execution cards (one request). */
export function useDashboard() {
  return useQuery({ ...trpc.dashboard.get.queryOptions(), refetchInterval: 30_000 });
}
