import { useQuery } from '@tanstack/react-query';

import { trpc } from '../../../trpc/client';

/** dashboard.get: one summary shared by the installation and execution cards (one request). */
export function useDashboard() {
  return useQuery({ ...trpc.dashboard.get.queryOptions(), refetchInterval: 30_000 });
}

/** Why buttons that call Clockify (bootstrap, webhook repair) cannot work on this workspace. */
export const NO_CLOCKIFY_HINT =
  'Needs a Clockify connection, and this local development workspace has none (npm run demo signs in to a simulated Clockify).';

/** NO_CLOCKIFY_HINT when the installation is active without a Clockify connection; null otherwise (or while loading). */
export function useNoClockifyReason(): string | null {
  const installation = useDashboard().data?.installation;

  return installation?.status === 'ACTIVE' && !installation.connected ? NO_CLOCKIFY_HINT : null;
}
