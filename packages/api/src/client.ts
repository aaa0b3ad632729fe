import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';

import type { AppRouter } from './router';

export type TClientOptions = {
  /** The add-on's base URL, e.g. https://uw.example.com (the client adds /trpc). */
  url: string;
  /** A service key (`uwk_…`) created by a workspace admin, or a Clockify user token. */
  token: string;
};

/**
 * The typed client for other TypeScript services: queries and mutations over HTTP (batched), live
 * subscriptions over SSE. Every call acts in the key's workspace.
 */
export function createClient({ url, token }: TClientOptions) {
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
