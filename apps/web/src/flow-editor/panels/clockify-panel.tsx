import { useQuery } from '@tanstack/react-query';

import type { TFlowClockifyNode, TFlowIssue } from '@uw/flow-engine';

import type { TOperation } from '../../trpc/types';
import { CacheLookup } from '../../components/cache-lookup';
import { trpc } from '../../trpc/client';
import { ExpressionField } from './expression-field';
import { MappingEditor } from './mapping-editor';
import { OperationPicker } from './operation-picker';

type TClockifyPanelProps = { node: TFlowClockifyNode; onChange: (node: TFlowClockifyNode) => void; issues: readonly TFlowIssue[] };

function paramSuggestions(op: TOperation | undefined, location: 'path' | 'query') {
  return (op?.parameters ?? [])
    .filter((p) => p.in === location)
    .map((p) => ({ name: p.name, required: location === 'path' ? p.name !== 'workspaceId' : p.required, description: p.description }));
}

export function ClockifyPanel({ node, onChange, issues }: TClockifyPanelProps) {
  const { operationId } = node.data;
  const op = useQuery({
    ...trpc.explorer.operation.queryOptions({ operationId }),
    enabled: operationId !== '',
    staleTime: 5 * 60_000,
  });
  const set = (patch: Partial<TFlowClockifyNode['data']>) => onChange({ ...node, data: { ...node.data, ...patch } });
  const takesBody = op.data ? Boolean(op.data.requestBody) : true;

  return (
    <>
      <OperationPicker value={operationId} onChange={(id) => set({ operationId: id })} />
      {issues
        .filter((i) => i.field === 'data.operationId')
        .map((i, n) => (
          <p key={n} className="error-text small">
            {i.message}
          </p>
        ))}
      {op.data && (
        <p className="muted small">
          <strong>
            {op.data.method} {op.data.path}
          </strong>{' '}
          {op.data.summary}. <code>workspaceId</code> is bound to this workspace when left out.
        </p>
      )}
      <MappingEditor
        title="Path parameters"
        value={node.data.path}
        onChange={(path) => set({ path })}
        issues={issues}
        fieldPrefix="data.path"
        suggestions={paramSuggestions(op.data, 'path')}
      />
      <MappingEditor
        title="Query parameters"
        value={node.data.query}
        onChange={(query) => set({ query })}
        issues={issues}
        fieldPrefix="data.query"
        suggestions={paramSuggestions(op.data, 'query')}
      />
      <details>
        <summary>Look up an id in the cached workspace data</summary>
        <CacheLookup />
        <p className="muted small">Paste an id into a parameter as a string literal: &quot;…&quot;.</p>
      </details>
      {node.data.body === undefined ? (
        takesBody && (
          <button type="button" className="button small" onClick={() => set({ body: '{}' })}>
            Add a request body
          </button>
        )
      ) : (
        <>
          <ExpressionField
            label="Request body"
            hint="(JSONata producing the JSON body; plain JSON is valid JSONata)"
            value={node.data.body}
            onChange={(body) => set({ body })}
            issues={issues.filter((i) => i.field === 'data.body')}
            minHeight="6em"
          />
          <button type="button" className="button small" onClick={() => set({ body: undefined })}>
            Remove the body
          </button>
        </>
      )}
    </>
  );
}
