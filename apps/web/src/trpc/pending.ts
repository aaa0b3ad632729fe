import { queryOptions, type QueryKey } from '@tanstack/react-query';

import { untypedClient } from './client';

/**
 * Procedures the UI is built for but the server does not declare yet. They are called untyped with the
 * same query key tRPC would use, and their expected output types live in ../api-contract. When a
 * procedure lands, replace `pendingQuery('a.b', input)` with `trpc.a.b.queryOptions(input)`.
 */
export function pendingQueryKey(path: string, input: unknown): QueryKey {
  return [path.split('.'), { ...(input === undefined ? {} : { input }), type: 'query' }];
}

export function pendingQuery<TOutput>(path: string, input?: unknown) {
  return queryOptions({
    queryKey: pendingQueryKey(path, input),
    queryFn: ({ signal }) => untypedClient.query(path, input, { signal }) as Promise<TOutput>,
  });
}

export function pendingMutation<TInput, TOutput>(path: string) {
  return {
    mutationKey: [path.split('.')],
    mutationFn: (input: TInput) => untypedClient.mutation(path, input) as Promise<TOutput>,
  };
}

export function pendingSubscribe<TOutput>(
  path: string,
  input: unknown,
  handlers: { onData: (data: TOutput) => void; onError?: (err: unknown) => void },
): () => void {
  const sub = untypedClient.subscription(path, input, {
    onData: (d) => handlers.onData(d as TOutput),
    onError: (e) => handlers.onError?.(e),
  });

  return () => sub.unsubscribe();
}
