import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';

import type { TFlowDefinition, TOperationInfo } from '@uw/flow-engine';

import type { TOperation } from '../trpc/types';
import { errorMessage } from '../trpc/errors';
import { trpc } from '../trpc/client';

function combine(results: UseQueryResult<TOperation, unknown>[]): TOperationInfo[] | undefined {
  // An unknown operation is refused ("unknown Clockify operation …"): leave it out so validateFlow reports it.
  const settled = results.every((r) => r.isSuccess || (r.isError && /unknown Clockify operation/i.test(errorMessage(r.error))));

  return settled ? results.flatMap((r) => (r.data ? [r.data] : [])) : undefined;
}

/**
 * The catalogue entries of the operations the flow uses, for validateFlow's parameter checks. Undefined
 * until all are known (validating against a partial list would call the missing ones unknown).
 */
export function useUsedOperations(definition: TFlowDefinition): TOperationInfo[] | undefined {
  const ids = useMemo(
    () => [...new Set(definition.nodes.flatMap((n) => (n.kind === 'clockify' && n.data.operationId ? [n.data.operationId] : [])))].sort(),
    [definition.nodes],
  );
  const operations = useQueries({
    queries: ids.map((operationId) => ({
      ...trpc.explorer.operation.queryOptions({ operationId }),
      staleTime: 5 * 60_000,
      retry: false,
    })),
    combine,
  });
  const key = JSON.stringify(operations?.map((o) => o.operationId) ?? null);

  // Same identity while the same operations are loaded, so validation does not rerun for nothing.
  const stable = useRef({ key, operations });
  if (stable.current.key !== key) stable.current = { key, operations };

  return stable.current.operations;
}
