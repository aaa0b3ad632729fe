import type { TFlowIssue, TFlowNode } from '@uw/flow-engine';

import { KIND_NAMES } from './kind-names';

type TProblemsListProps = { nodes: readonly TFlowNode[]; issues: readonly TFlowIssue[]; onSelect: (id: string) => void };

/** Every issue of the flow, each naming its node (a button that selects it) and the validator's code. */
export function ProblemsList({ nodes, issues, onSelect }: TProblemsListProps) {
  if (issues.length === 0) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems ({issues.length})</h2>
      <ul>
        {issues.map((issue, n) => {
          const node = issue.nodeId ? byId.get(issue.nodeId) : undefined;

          return (
            <li key={n} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
              {node ? (
                <button type="button" className="link-button" onClick={() => onSelect(node.id)}>
                  {KIND_NAMES[node.kind]} {node.label ? `“${node.label}” (${node.id})` : node.id}
                </button>
              ) : (
                <span>{issue.nodeId ?? 'Flow'}</span>
              )}
              : {issue.message} <code className="issue-code">{issue.code}</code>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
