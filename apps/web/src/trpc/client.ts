import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, createTRPCUntypedClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

import type { AppRouter } from '@uw/api';

import { authStore } from '../auth/auth-store';
import { requestFreshToken } from '../auth/clockify-bridge';
import { env } from '../env';
import { errorCode, errorMessage, isClientError } from './errors';
import { FetchEventSource } from './fetch-event-source';

function authHeaders(): Record<string, string> {
  const token = authStore.token();

  return token ? { authorization: `Bearer ${token}` } : {};
}

/** An UNAUTHORIZED answer: Clockify sessions ask for a fresh token; a dev session signs out with the reason. */
function onAuthError(err: unknown) {
  if (errorCode(err) !== 'UNAUTHORIZED') return;
  const session = authStore.get().session;
  if (session?.via === 'clockify') requestFreshToken();
  else if (session) authStore.signOut(errorMessage(err));
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: { staleTime: 10_000, retry: (count, err) => !isClientError(err) && count < 2, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

const links: TRPCLink<AppRouter>[] = [
  splitLink({
    condition: (op) => op.type === 'subscription',
    true: httpSubscriptionLink({ url: env.VITE_TRPC_URL, EventSource: FetchEventSource, eventSourceOptions: { headers: authHeaders } }),
    false: httpBatchLink({ url: env.VITE_TRPC_URL, headers: authHeaders, maxURLLength: 4000 }),
  }),
];

export const trpcClient = createTRPCClient<AppRouter>({ links });
/** For procedures the router does not declare yet (see pending.ts). */
export const untypedClient = createTRPCUntypedClient<AppRouter>({ links });
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
export type TTrpc = typeof trpc;
