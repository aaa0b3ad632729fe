import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type OnDelete } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';

import type { TFlowDefinition, TFlowIssue } from '@uw/flow-engine';

import { fromReactFlow } from './from-react-flow';
import type { TSize } from './layout-geometry';
import type { TRfEdge, TRfNode } from './rf-types';
import type { TNodeRun } from './run-status';
import { toReactFlow } from './to-react-flow';
import type { TEditorDispatch } from './use-editor-history';

type TNodeView = Pick<TRfNode, 'measured' | 'selected' | 'dragging'>;
type TEdgeView = Pick<TRfEdge, 'selected'>;

type TViewOptions = {
  definition: TFlowDefinition;
  issues: readonly TFlowIssue[];
  /** Badges of the last test run. */
  runs?: ReadonlyMap<string, TNodeRun> | undefined;
  dispatch: TEditorDispatch;
  /** Nodes and edges deleted on the canvas (Backspace/Delete), after the document lost them. */
  onDeleted: (deleted: { nodes: TRfNode[]; edges: TRfEdge[] }) => void;
};

let dragCount = 0;

/**
 * React Flow as a view of the document: nodes and edges are derived from the definition on every
 * change; only view state (measured size, selection, dragging) is kept here. Moves, deletions and new
 * connections go back into the document through fromReactFlow / the reducer: one drag is one undo
 * step, one deletion (nodes with their edges) another.
 */
export function useReactFlowView({ definition, issues, runs, dispatch, onDeleted }: TViewOptions) {
  const [nodeView, setNodeView] = useState<Record<string, TNodeView>>({});
  const [edgeView, setEdgeView] = useState<Record<string, TEdgeView>>({});
  const base = useMemo(() => toReactFlow(definition, { issues, ...(runs ? { runs } : {}) }), [definition, issues, runs]);
  const nodes = useMemo(() => base.nodes.map((n) => ({ ...n, ...nodeView[n.id] }) as TRfNode), [base, nodeView]);
  const edges = useMemo(() => base.edges.map((e) => ({ ...e, ...edgeView[e.id] })), [base, edgeView]);
  const latest = useRef({ nodes, edges });
  latest.current = { nodes, edges };
  const drag = useRef<string | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      const next = applyNodeChanges(changes, latest.current.nodes);
      latest.current = { ...latest.current, nodes: next };
      setNodeView(Object.fromEntries(next.map((n) => [n.id, { measured: n.measured, selected: n.selected, dragging: n.dragging }])));
      const moves = changes.filter((c) => c.type === 'position' && c.position);
      if (moves.length > 0) {
        // Every position change of one drag (or one arrow-key move) joins the same undo step.
        drag.current ??= `move:${(dragCount += 1)}`;
        dispatch({ type: 'replace', definition: fromReactFlow(next, latest.current.edges) }, drag.current);
        if (moves.every((c) => c.type === 'position' && !c.dragging)) drag.current = null;
      }
    },
    [dispatch],
  );

  // Deletions (removals reach onNodesChange / onEdgesChange too, in two calls): one document change, one undo step.
  const onDelete = useCallback<OnDelete<TRfNode, TRfEdge>>(
    ({ nodes: gone, edges: goneEdges }) => {
      const nodeIds = new Set(gone.map((n) => n.id));
      const edgeIds = new Set(goneEdges.map((e) => e.id));
      dispatch({
        type: 'replace',
        definition: {
          nodes: definition.nodes.filter((n) => !nodeIds.has(n.id)),
          edges: definition.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
        },
      });
      onDeleted({ nodes: gone, edges: goneEdges });
    },
    [definition, dispatch, onDeleted],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<TRfEdge>[]) => {
    const next = applyEdgeChanges(changes, latest.current.edges);
    latest.current = { ...latest.current, edges: next };
    setEdgeView(Object.fromEntries(next.map((e) => [e.id, { selected: e.selected }])));
  }, []);

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
  const sizes = useMemo(() => {
    const measured = Object.entries(nodeView).flatMap(([id, v]) =>
      v.measured?.width && v.measured.height ? [[id, v.measured] as const] : [],
    );

    return new Map(measured as [string, TSize][]);
  }, [nodeView]);

  return { nodes, edges, onNodesChange, onEdgesChange, onDelete, onConnect, select, selectedId, sizes };
}
