import { queryOptions, type QueryKey } from '@tanstack/react-query';

import { untypedClient } from './client';
import { isMissingProcedure } from './errors';

/** Procedures this server said it does not have: asked once per page load, not on every mount. */
const missing = new Map<string, unknown>();

async function callOnce<T>(path: string, call: () => Promise<unknown>): Promise<T> {
  const known = missing.get(path);
  if (known) throw known;
  try {
    return (await call()) as T;
  } catch (err) {
    if (isMissingProcedure(err)) missing.set(path, err);
    throw err;
  }
}

/**
 * Procedures the UI is built for but the server does not declare yet. They are called untyped with the
 * same query key tRPC would use, and their expected output types live in ../api-contract. When a
 * procedure lands, replace `pendingQuery('a.b', input)` with `trpc.a.b.queryOptions(input)`.
 */
function pendingQueryKey(path: string, input: unknown): QueryKey {
  return [path.split('.'), { ...(input === undefined ? {} : { input }), type: 'query' }];
}

export function pendingQuery<TOutput>(path: string, input?: unknown) {
  return queryOptions({
    queryKey: pendingQueryKey(path, input),
    queryFn: ({ signal }) => callOnce<TOutput>(path, () => untypedClient.query(path, input, { signal })),
  });
}

export function pendingMutation<TInput, TOutput>(path: string) {
  return {
    mutationKey: [path.split('.')],
    mutationFn: (input: TInput) => callOnce<TOutput>(path, () => untypedClient.mutation(path, input)),
  };
}
