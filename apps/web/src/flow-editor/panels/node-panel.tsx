import type { TFlowIssue, TFlowNode } from '@uw/flow-engine';

import { KIND_NAMES } from '../kind-names';
import { ClockifyPanel } from './clockify-panel';
import { ExpressionField } from './expression-field';
import { HttpPanel } from './http-panel';
import { TriggerPanel } from './trigger-panel';

type TNodePanelProps = { node: TFlowNode; issues: readonly TFlowIssue[]; onChange: (node: TFlowNode) => void; onRemove: () => void };

function KindPanel({ node, issues, onChange }: Omit<TNodePanelProps, 'onRemove'>) {
  switch (node.kind) {
    case 'trigger':
      return <TriggerPanel node={node} onChange={onChange} issues={issues} />;
    case 'condition':
      return (
        <ExpressionField
          label="Condition"
          hint="(truthy → the flow continues along this branch)"
          value={node.data.expression}
          onChange={(expression) => onChange({ ...node, data: { expression } })}
          issues={issues.filter((i) => i.field === 'data.expression')}
          minHeight="4em"
        />
      );
    case 'clockify':
      return <ClockifyPanel node={node} onChange={onChange} issues={issues} />;
    case 'http':
      return <HttpPanel node={node} onChange={onChange} issues={issues} />;
    default:
      return null;
  }
}

/** The side panel for the selected node: label, id, the kind's own fields, and its issues. */
export function NodePanel({ node, issues, onChange, onRemove }: TNodePanelProps) {
  const general = issues.filter((i) => !i.field || i.field === 'data' || i.field === 'label');

  return (
    <section className="node-panel" aria-labelledby="node-panel-title">
      <h2 id="node-panel-title">{KIND_NAMES[node.kind]}</h2>
      <p className="muted small">
        Id <code>{node.id}</code>
        {node.kind !== 'trigger' && node.kind !== 'condition' && (
          <>
            {' '}
            · later steps read its result as <code>steps.{node.id}.body</code>
          </>
        )}
      </p>
      <label className="block">
        Label
        <input value={node.label ?? ''} maxLength={200} onChange={(e) => onChange({ ...node, label: e.target.value || undefined })} />
      </label>
      {general.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'error-text small' : 'warning-text small'}>
          {i.message}
        </p>
      ))}
      <KindPanel node={node} issues={issues} onChange={onChange} />
      <button type="button" className="button small danger" onClick={onRemove}>
        Delete this node
      </button>
    </section>
  );
}
