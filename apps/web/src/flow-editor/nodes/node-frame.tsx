import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import type { TBranchHandle } from '../branches';
import type { TNodeRun } from '../run-status';

type TNodeFrameProps = {
  kind: string;
  title: string;
  /** The canvas node's data: its label, issues and badge from the last test run. */
  data: { node: { label?: string | undefined }; issues: TFlowIssue[]; run?: TNodeRun | undefined };
  selected?: boolean;
  hasInput: boolean;
  /** Named ways out (a condition's true/false, a switch's cases, a loop's body/done): one handle each, down the right side. */
  outputs?: readonly TBranchHandle[] | null;
  children: ReactNode;
};

function Outputs({ outputs }: { outputs: readonly TBranchHandle[] }) {
  // React Flow measures handles once: when cases are added, renamed or reordered it must measure them again.
  const nodeId = useNodeId();
  const updateNodeInternals = useUpdateNodeInternals();
  const ids = outputs.map((o) => o.id).join('\n');
  useEffect(() => {
    if (nodeId) updateNodeInternals(nodeId);
  }, [ids, nodeId, updateNodeInternals]);

  return (
    <div className="flow-node-outputs">
      {outputs.map((o) => (
        <span key={o.id} className={`flow-node-output flow-node-output-${o.id === 'false' || o.id === 'done' ? 'alt' : 'main'}`}>
          <span className="flow-node-output-label">{o.label}</span>
          <Handle type="source" position={Position.Right} id={o.id} title={`connect the "${o.label}" branch`} />
        </span>
      ))}
    </div>
  );
}

/** The shared look of every canvas node: kind, label, a summary, its issues, and handles. */
export function NodeFrame({ kind, title, data, selected, hasInput, outputs, children }: TNodeFrameProps) {
  const { issues, run } = data;
  const label = data.node.label;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  return (
    <div className={`flow-node flow-node-${kind}${selected ? ' selected' : ''}${errors.length > 0 ? ' has-errors' : ''}`}>
      {hasInput && <Handle type="target" position={Position.Left} />}
      <div className="flow-node-kind">
        {title}
        {run && (
          <span
            className={`flow-node-run badge badge-${run.tone}${run.stale ? ' flow-node-run-stale' : ''}`}
            title={run.stale ? `${run.title} (before your last changes)` : run.title}
            aria-label={`Test run${run.stale ? ' before your last changes' : ''}: ${run.text}`}
          >
            {run.text}
          </span>
        )}
      </div>
      <div className="flow-node-label">{label ?? title}</div>
      <div className="flow-node-body">{children}</div>
      {issues.length > 0 && (
        <ul className="flow-node-issues" aria-label={`${errors.length} errors, ${warnings.length} warnings`}>
          {issues.slice(0, 3).map((i, n) => (
            <li key={n} className={i.severity === 'error' ? 'issue-error' : 'issue-warning'}>
              {i.severity === 'error' ? '⚠ ' : 'ⓘ '}
              {i.message}
            </li>
          ))}
          {issues.length > 3 && <li>…and {issues.length - 3} more</li>}
        </ul>
      )}
      {outputs ? <Outputs outputs={outputs} /> : <Handle type="source" position={Position.Right} />}
    </div>
  );
}
