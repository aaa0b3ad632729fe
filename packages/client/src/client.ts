import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';

import type { AppRouter } from './types';

export type TClientOptions = {
  /** The add-on's base URL, e.g. https://uw.example.com (the client adds /trpc). */
  url: string;
  /** A service key (`uwk_…`) created by a workspace admin, or a Clockify user token. */
  token: string;
};

/** What `createClient` returns: one property per router, `.query()`, `.mutate()` and `.subscribe()` on each procedure. */
export type TClient = TRPCClient<AppRouter>;

/**
 * The typed client for other TypeScript services: queries and mutations over HTTP (batched), live
 * subscriptions over SSE. Every call acts in the key's workspace.
 */
export function createClient({ url, token }: TClientOptions): TClient {
  if (!/^https?:\/\//i.test(url)) {
    throw new TypeError(`createClient: url must start with http:// or https:// (got "${url}")`);
  }
  if (!token) {
    throw new TypeError('createClient: token is required (a service key uwk_… or a Clockify user token)');
  }
  const endpoint = `${url.replace(/\/+$/, '')}/trpc`;
  const authorization = `Bearer ${token}`;

  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: endpoint,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input: string | URL | Request, init?: RequestInit) =>
              fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization } }),
          }),
        }),
        false: httpBatchLink({ url: endpoint, headers: () => ({ authorization }) }),
      }),
    ],
  });
}
