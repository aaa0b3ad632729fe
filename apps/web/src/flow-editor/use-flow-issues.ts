import { useDeferredValue, useMemo } from 'react';

import { validateFlow, type TFlowDefinition, type TFlowIssue, type TOperationInfo } from '@uw/flow-engine';

export type TServerIssues = { definition: TFlowDefinition; issues: TFlowIssue[] } | null;

type TOptions = { operations?: readonly TOperationInfo[]; eventTypes?: readonly string[]; server: TServerIssues };

function key(i: TFlowIssue): string {
  return `${i.nodeId ?? ''}|${i.edgeId ?? ''}|${i.field ?? ''}|${i.message}`;
}

/**
 * The same checks the server runs on save (validateFlow from @uw/flow-engine), live, plus the issues the
 * server attached to a refused save — those stay until the document changes.
 */
export function useFlowIssues(definition: TFlowDefinition, { operations, eventTypes, server }: TOptions): TFlowIssue[] {
  const deferred = useDeferredValue(definition);
  const client = useMemo(() => validateFlow(deferred, { operations, eventTypes }), [deferred, operations, eventTypes]);

  return useMemo(() => {
    const fromServer = server && server.definition === definition ? server.issues : [];
    const seen = new Set(client.map(key));

    return [...client, ...fromServer.filter((i) => !seen.has(key(i)))];
  }, [client, server, definition]);
}

export function countErrors(issues: readonly TFlowIssue[]): number {
  return issues.filter((i) => i.severity !== 'warning').length;
}
