import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

import type { AppRouter } from '@uw/client';

import { authStore } from '../auth/auth-store';
import { requestFreshToken } from '../auth/clockify-bridge';
import { env } from '../env';
import { errorCode, errorMessage, isClientError, isClockifyRefusal } from './errors';
import { FetchEventSource } from './fetch-event-source';

function authHeaders(): Record<string, string> {
  const token = authStore.token();

  return token ? { authorization: `Bearer ${token}` } : {};
}

const REFRESH_ON_401_EVERY_MS = 30_000;
let lastRefreshAsk = 0;

/**
 * An UNAUTHORIZED answer: a Clockify session asks Clockify for a fresh token (at most every 30 s, so a
 * token the server keeps refusing cannot loop); a dev session signs out with the server's reason.
 */
function onAuthError(err: unknown) {
  // Clockify refusing the add-on's token is not this session's fault: nothing to refresh.
  if (errorCode(err) !== 'UNAUTHORIZED' || isClockifyRefusal(err)) return;
  const session = authStore.get().session;
  if (session?.via === 'clockify' && Date.now() - lastRefreshAsk > REFRESH_ON_401_EVERY_MS) {
    lastRefreshAsk = Date.now();
    requestFreshToken();
  } else if (session?.via === 'dev') {
    authStore.signOut(errorMessage(err));
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: { staleTime: 10_000, retry: (count, err) => !isClientError(err) && count < 2, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** A fresh token retries what failed for want of one. */
let lastToken: string | null = null;
authStore.subscribe(() => {
  const token = authStore.token();
  if (token && lastToken && token !== lastToken) {
    void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' && errorCode(q.state.error) === 'UNAUTHORIZED' });
  }
  lastToken = token;
});

const links: TRPCLink<AppRouter>[] = [
  splitLink({
    condition: (op) => op.type === 'subscription',
    true: httpSubscriptionLink({ url: env.VITE_TRPC_URL, EventSource: FetchEventSource, eventSourceOptions: { headers: authHeaders } }),
    false: httpBatchLink({ url: env.VITE_TRPC_URL, headers: authHeaders, maxURLLength: 4000 }),
  }),
];

export const trpcClient = createTRPCClient<AppRouter>({ links });
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
export type TTrpc = typeof trpc;
