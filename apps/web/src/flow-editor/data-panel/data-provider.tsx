import './data-panel.css';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';

import type { TFlowDefinition } from '@uw/flow-engine';

import type { TJsonSchema } from '../../components/schema-form';
import { trpc } from '../../trpc/client';
import { useEditorContext } from '../editor-context';
import { availableData } from './available-data';
import { DataContext, type TInsertTarget } from './data-context';

/** The success response schema of each Clockify operation the flow calls (for steps not run yet). */
function useResponseSchemas(nodes: TFlowDefinition['nodes']): ReadonlyMap<string, TJsonSchema | undefined> {
  const ids = [...new Set(nodes.flatMap((n) => (n.kind === 'clockify' && n.data.operationId ? [n.data.operationId] : [])))].sort();
  const results = useQueries({
    queries: ids.map((operationId) => ({ ...trpc.explorer.operation.queryOptions({ operationId }), staleTime: 5 * 60_000, retry: false })),
  });
  const key = results.map((r) => r.dataUpdatedAt).join(',');

  return useMemo(
    () =>
      new Map(
        ids.map((id, i) => {
          const responses = results[i]?.data?.responses ?? [];
          const ok = responses.find((r) => /^2/.test(r.status) && r.schema);

          return [id, (ok?.schema ?? undefined) as TJsonSchema | undefined];
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids and when each answer arrived
    [ids.join(','), key],
  );
}

type TDataProviderProps = {
  nodes: TFlowDefinition['nodes'];
  edges: TFlowDefinition['edges'];
  nodeId: string | null;
  sampleSource: string | null;
  children: ReactNode;
};

/** The workspace's secret names for an action's fields (none elsewhere, or when they cannot be listed). */
function useSecretNames(node: TFlowDefinition['nodes'][number] | undefined): readonly string[] | undefined {
  const isAction = node?.kind === 'http' || node?.kind === 'clockify';
  const query = useQuery({ ...trpc.secrets.list.queryOptions(), staleTime: 60_000, retry: false, enabled: isAction });
  const names = useMemo(() => query.data?.map((s) => s.name), [query.data]);

  return isAction ? names : undefined;
}

/** Gives the side panel's fields the data the selected node can use, and the data panel the field to insert into. */
export function DataProvider({ nodes, edges, nodeId, sampleSource, children }: TDataProviderProps) {
  const { evalContext } = useEditorContext();
  const responses = useResponseSchemas(nodes);
  const secrets = useSecretNames(nodes.find((n) => n.id === nodeId));
  const [target, setTarget] = useState<TInsertTarget | null>(null);
  const [forNode, setForNode] = useState(nodeId);
  if (forNode !== nodeId) {
    // Another node selected: its fields register as they are focused.
    setForNode(nodeId);
    setTarget(null);
  }
  const available = useMemo(
    () => ({
      ...availableData({ nodes, edges }, nodeId ?? '', { context: evalContext, responses, payloadSource: sampleSource }),
      ...(secrets ? { secrets } : {}),
    }),
    [nodes, edges, nodeId, evalContext, responses, sampleSource, secrets],
  );

  return <DataContext.Provider value={{ available, target, setTarget }}>{children}</DataContext.Provider>;
}
