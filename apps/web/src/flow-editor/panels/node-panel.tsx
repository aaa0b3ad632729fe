import type { TFlowIssue, TFlowNode } from '@uw/flow-engine';

import { KIND_NAMES } from '../kind-names';
import { ClockifyPanel } from './clockify-panel';
import { ConditionPanel } from './condition-panel';
import { FieldIssues } from './field-issues';
import { ForEachPanel } from './for-each-panel';
import { HttpPanel } from './http-panel';
import { MappingEditor } from './mapping-editor';
import { SwitchPanel } from './switch-panel';
import { TriggerPanel } from './trigger-panel';
import { WaitPanel } from './wait-panel';

type TNodePanelProps = { node: TFlowNode; issues: readonly TFlowIssue[]; onChange: (node: TFlowNode) => void; onRemove: () => void };

function KindPanel({ node, issues, onChange }: Omit<TNodePanelProps, 'onRemove'>) {
  switch (node.kind) {
    case 'trigger':
      return <TriggerPanel node={node} onChange={onChange} issues={issues} />;
    case 'condition':
      return <ConditionPanel node={node} onChange={onChange} issues={issues} />;
    case 'clockify':
      return <ClockifyPanel node={node} onChange={onChange} issues={issues} />;
    case 'http':
      return <HttpPanel node={node} onChange={onChange} issues={issues} />;
    case 'switch':
      return <SwitchPanel node={node} onChange={onChange} issues={issues} />;
    case 'forEach':
      return <ForEachPanel node={node} onChange={onChange} issues={issues} />;
    case 'set':
      return (
        <MappingEditor
          title="Values"
          keyLabel="Value name"
          value={node.data.values}
          onChange={(values) => onChange({ ...node, data: { values } })}
          issues={issues}
          fieldPrefix="data.values"
        />
      );
    case 'wait':
      return <WaitPanel node={node} onChange={onChange} issues={issues} />;
  }
}

/** Where later expressions find what a node left behind (nothing for the kinds that only decide or pause). */
const RESULT_PATHS: Partial<Record<TFlowNode['kind'], string>> = { clockify: 'body', http: 'body', set: '<name>', forEach: 'results' };

/** The side panel for the selected node: label, id, the kind's own fields, and its issues. */
export function NodePanel({ node, issues, onChange, onRemove }: TNodePanelProps) {
  // Issues of no single field: the node's own, its edges' branches, a wait's seconds-or-until.
  const general = issues.filter(
    (i) => !i.field || i.field === 'data' || i.field === 'label' || i.field === 'branch' || i.field === 'data.values',
  );

  return (
    <section className="node-panel" aria-labelledby="node-panel-title">
      <h2 id="node-panel-title">{KIND_NAMES[node.kind]}</h2>
      <p className="muted small">
        Id <code>{node.id}</code>
        {RESULT_PATHS[node.kind] && (
          <>
            {' '}
            · later steps read its result as <code>{`steps.${node.id}.${RESULT_PATHS[node.kind]}`}</code>
          </>
        )}
      </p>
      <label className="block">
        Label
        <input value={node.label ?? ''} maxLength={200} onChange={(e) => onChange({ ...node, label: e.target.value || undefined })} />
      </label>
      <FieldIssues issues={general} />
      <KindPanel node={node} issues={issues} onChange={onChange} />
      <button type="button" className="button small danger" onClick={onRemove}>
        Delete this node
      </button>
    </section>
  );
}
