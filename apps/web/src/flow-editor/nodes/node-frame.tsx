import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import type { TBranchHandle } from '../branches';

type TNodeFrameProps = {
  kind: string;
  title: string;
  label?: string;
  issues: TFlowIssue[];
  selected?: boolean;
  hasInput: boolean;
  /** Named ways out (a condition's true/false, a switch's cases, a loop's body/done): one handle each. */
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
          <Handle type="source" position={Position.Bottom} id={o.id} title={`connect the "${o.label}" branch`} />
        </span>
      ))}
    </div>
  );
}

/** The shared look of every canvas node: kind, label, a summary, its issues, and handles. */
export function NodeFrame({ kind, title, label, issues, selected, hasInput, outputs, children }: TNodeFrameProps) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  return (
    <div className={`flow-node flow-node-${kind}${selected ? ' selected' : ''}${errors.length > 0 ? ' has-errors' : ''}`}>
      {hasInput && <Handle type="target" position={Position.Top} />}
      <div className="flow-node-kind">{title}</div>
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
      {outputs ? <Outputs outputs={outputs} /> : <Handle type="source" position={Position.Bottom} />}
    </div>
  );
}
