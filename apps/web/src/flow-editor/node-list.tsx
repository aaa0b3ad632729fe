import type { TFlowIssue, TFlowNode } from '@uw/flow-engine';

type TNodeListProps = {
  nodes: readonly TFlowNode[];
  issues: readonly TFlowIssue[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** Every node as a button: the keyboard (and screen reader) way to pick a node to edit. */
export function NodeList({ nodes, issues, selectedId, onSelect }: TNodeListProps) {
  return (
    <nav aria-label="Nodes" className="node-list">
      <ul>
        {nodes.map((n) => {
          const errors = issues.filter((i) => i.nodeId === n.id && i.severity === 'error').length;

          return (
            <li key={n.id}>
              <button
                type="button"
                className={`node-list-item${n.id === selectedId ? ' current' : ''}`}
                aria-current={n.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(n.id)}
              >
                {n.label ?? n.id} <span className="muted small">({n.kind})</span>
                {/* Several nodes may share a label: the id tells them apart. */}
                {n.label && n.label !== n.id && n.id !== n.kind && <code className="muted small">{n.id}</code>}
                {errors > 0 && (
                  <span className="badge badge-bad">
                    {errors} {errors === 1 ? 'error' : 'errors'}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
