import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import type { TFlowClockifyNode, TFlowIssue } from '@uw/flow-engine';

import { OperationForm, type TOperationValues } from '../../components/schema-form';
import { trpc } from '../../trpc/client';
import { bodyFitsForm, fromFormValues, schemasOf, toFormValues } from './clockify-values';
import { ExpressionField } from './expression-field';
import { FieldIssues } from './field-issues';
import { MappableLeaf } from './mappable-leaf';
import { OperationPicker } from './operation-picker';

type TClockifyPanelProps = { node: TFlowClockifyNode; onChange: (node: TFlowClockifyNode) => void; issues: readonly TFlowIssue[] };
type TData = TFlowClockifyNode['data'];

const renderLeaf = (field: Parameters<typeof MappableLeaf>[0]['field'], control: React.ReactNode) => (
  <MappableLeaf field={field} control={control} />
);

/**
 * A Clockify action: the operation, then its path, query and body as the shared schema form (required fields
 * flagged, enums as selects, ids picked from the cache), each field fixed, picked or mapped from the data panel.
 * A body the form cannot show field by field (hand-written JSONata) is edited raw.
 */
export function ClockifyPanel({ node, onChange, issues }: TClockifyPanelProps) {
  const { operationId } = node.data;
  const op = useQuery({ ...trpc.explorer.operation.queryOptions({ operationId }), enabled: operationId !== '', staleTime: 5 * 60_000 });
  const schemas = useMemo(() => (op.data ? schemasOf(op.data) : null), [op.data]);
  // The form's values, with fields switched to an expression but not written yet; re-read when the node changes
  // from elsewhere (undo, another operation).
  const [form, setForm] = useState<{ data: TData; values: TOperationValues }>(() => ({ data: node.data, values: toFormValues(node.data) }));
  if (form.data !== node.data) setForm({ data: node.data, values: toFormValues(node.data) });
  const [raw, setRaw] = useState(false);
  const bodyRaw = raw || (schemas !== null && !bodyFitsForm(node.data.body, schemas));
  const set = (data: TData) => onChange({ ...node, data });
  const change = (values: TOperationValues) => {
    const data = fromFormValues(node.data, values, { schemas, bodyRequired: Boolean(op.data?.requestBody?.required) });
    const next = bodyRaw ? { ...data, body: node.data.body } : data;
    setForm({ data: next, values });
    set(next);
  };
  const shown = schemas && bodyRaw ? { ...schemas, body: null } : schemas;

  return (
    <>
      <OperationPicker value={operationId} onChange={(id) => set({ operationId: id, path: {}, query: {} })} />
      <FieldIssues issues={issues.filter((i) => i.field === 'data.operationId')} />
      {op.isError && <p className="error-text small">{op.error.message}</p>}
      {op.data && (
        <p className="muted small">
          <strong>
            {op.data.method} {op.data.path}
          </strong>{' '}
          {op.data.summary}. The workspace is this one. Each field is a fixed value, a pick from the cache, or mapped: click a field in the
          data panel (or use <em>fx</em>).
        </p>
      )}
      {shown && (
        <OperationForm
          schemas={shown}
          operationPath={op.data?.path ?? ''}
          value={form.values}
          onChange={change}
          idPrefix={`node-${node.id}`}
          renderLeaf={renderLeaf}
          showMissing
        />
      )}
      <FieldIssues issues={issues.filter((i) => i.field?.startsWith('data.path') || i.field?.startsWith('data.query'))} />
      {schemas?.body && !bodyRaw && (
        <>
          <FieldIssues issues={issues.filter((i) => i.field?.startsWith('data.body'))} />
          <button type="button" className="button small" onClick={() => setRaw(true)}>
            Edit the body as an expression
          </button>
        </>
      )}
      {bodyRaw && (
        <>
          <ExpressionField
            label="Request body"
            hint="(JSONata producing the JSON body)"
            value={node.data.body ?? ''}
            onChange={(body) => set({ ...node.data, body: body === '' ? undefined : body })}
            issues={issues.filter((i) => i.field === 'data.body')}
            minHeight="6em"
          />
          <button
            type="button"
            className="button small"
            disabled={!bodyFitsForm(node.data.body, schemas)}
            onClick={() => {
              setForm({ data: node.data, values: toFormValues(node.data) });
              setRaw(false);
            }}
          >
            Edit the body field by field
          </button>
        </>
      )}
    </>
  );
}
