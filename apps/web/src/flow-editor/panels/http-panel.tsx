import { useQuery } from '@tanstack/react-query';

import { HTTP_METHODS, isMaskedHeader, type TFlowHttpNode, type TFlowIssue, type THttpMethod } from '@uw/flow-engine';

import { trpc } from '../../trpc/client';
import { ValueField } from '../values/value-field';
import { JsonBodyEditor } from './json-body-editor';
import { MappingEditor } from './mapping-editor';

type THttpPanelProps = { node: TFlowHttpNode; onChange: (node: TFlowHttpNode) => void; issues: readonly TFlowIssue[] };

function useHttpActionsEnabled(): boolean | null {
  const settings = useQuery(trpc.settings.get.queryOptions());
  const setting = settings.data?.settings.find((s) => s.id === 'enable_generic_http_actions');

  return setting ? setting.value === true : null;
}

export function HttpPanel({ node, onChange, issues }: THttpPanelProps) {
  const enabled = useHttpActionsEnabled();
  const set = (patch: Partial<TFlowHttpNode['data']>) => onChange({ ...node, data: { ...node.data, ...patch } });
  const byField = (field: string) => issues.filter((i) => i.field === field);

  return (
    <>
      {enabled === false && (
        <p className="warning-text" role="note">
          HTTP actions are turned off for this workspace (setting “Enable HTTP actions”): this step will fail until an admin turns them on.
        </p>
      )}
      <label className="block">
        Method
        <select value={node.data.method} onChange={(e) => set({ method: e.target.value as THttpMethod })}>
          {HTTP_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <ValueField label="URL" placeholder="https://…" value={node.data.url} onChange={(url) => set({ url })} issues={byField('data.url')} />
      <MappingEditor
        title="Headers"
        keyLabel="Header name"
        value={node.data.headers}
        onChange={(headers) => set({ headers })}
        issues={issues}
        fieldPrefix="data.headers"
      />
      {Object.values(node.data.headers).some(isMaskedHeader) && (
        <p className="muted small" role="note">
          Header values shown as <code>"••••"</code> are saved but never shown (they often hold credentials). Leave them as they are to keep
          them, or replace one with a new value. For a credential, write <code>$secret("name")</code> (Settings → Secrets): the value then
          stays out of the flow and is put in only when the request is sent.
        </p>
      )}
      {node.data.body === undefined ? (
        <button type="button" className="button small" onClick={() => set({ body: '{}' })}>
          Add a JSON body
        </button>
      ) : (
        <>
          <JsonBodyEditor label="Body" value={node.data.body} onChange={(body) => set({ body })} issues={byField('data.body')} />
          <button type="button" className="button small" onClick={() => set({ body: undefined })}>
            Remove the body
          </button>
        </>
      )}
    </>
  );
}
