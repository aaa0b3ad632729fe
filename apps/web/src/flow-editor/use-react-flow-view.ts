import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type Dispatch } from 'react';

import type { TFlowDefinition, TFlowIssue } from '@uw/flow-engine';

import type { TEditorAction } from './flow-document';
import { fromReactFlow } from './from-react-flow';
import type { TRfEdge, TRfNode } from './rf-types';
import { toReactFlow } from './to-react-flow';

type TNodeView = Pick<TRfNode, 'measured' | 'selected' | 'dragging'>;
type TEdgeView = Pick<TRfEdge, 'selected'>;

/**
 * React Flow as a view of the document: nodes and edges are derived from the definition on every
 * change; only view state (measured size, selection, dragging) is kept here. Moves, deletions and new
 * connections go back into the document through fromReactFlow / the reducer.
 */
export function useReactFlowView(definition: TFlowDefinition, issues: readonly TFlowIssue[], dispatch: Dispatch<TEditorAction>) {
  const [nodeView, setNodeView] = useState<Record<string, TNodeView>>({});
  const [edgeView, setEdgeView] = useState<Record<string, TEdgeView>>({});
  const base = useMemo(() => toReactFlow(definition, { issues }), [definition, issues]);
  const nodes = useMemo(() => base.nodes.map((n) => ({ ...n, ...nodeView[n.id] }) as TRfNode), [base, nodeView]);
  const edges = useMemo(() => base.edges.map((e) => ({ ...e, ...edgeView[e.id] })), [base, edgeView]);
  const latest = useRef({ nodes, edges });
  latest.current = { nodes, edges };

  const onNodesChange = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      const next = applyNodeChanges(changes, latest.current.nodes);
      latest.current = { ...latest.current, nodes: next };
      setNodeView(Object.fromEntries(next.map((n) => [n.id, { measured: n.measured, selected: n.selected, dragging: n.dragging }])));
      if (changes.some((c) => (c.type === 'position' && c.position) || c.type === 'remove')) {
        const ids = new Set(next.map((n) => n.id));
        const keptEdges = latest.current.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
        dispatch({ type: 'replace', definition: fromReactFlow(next, keptEdges) });
      }
    },
    [dispatch],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TRfEdge>[]) => {
      const next = applyEdgeChanges(changes, latest.current.edges);
      latest.current = { ...latest.current, edges: next };
      setEdgeView(Object.fromEntries(next.map((e) => [e.id, { selected: e.selected }])));
      if (changes.some((c) => c.type === 'remove')) dispatch({ type: 'replace', definition: fromReactFlow(latest.current.nodes, next) });
    },
    [dispatch],
  );

  // A connection drawn from a named handle (true/false, a case, body/done) sets the edge's branch.
  const onConnect = useCallback(
    (c: Connection) => dispatch({ type: 'connect', source: c.source, target: c.target, branch: c.sourceHandle }),
    [dispatch],
  );

  /** Selects one node (or none), e.g. from the accessible node list. */
  const select = useCallback((id: string | null) => {
    setNodeView((prev) => {
      const next: Record<string, TNodeView> = Object.fromEntries(
        latest.current.nodes.map((n) => [n.id, { ...prev[n.id], selected: false }]),
      );
      // The id may belong to a node added in this same event, not rendered yet.
      if (id) next[id] = { ...prev[id], selected: true };

      return next;
    });
  }, []);

  const selectedId = nodes.find((n) => n.selected)?.id ?? null;

  return { nodes, edges, onNodesChange, onEdgesChange, onConnect, select, selectedId };
}
