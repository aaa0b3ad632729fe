import { useCallback, useMemo, useState } from 'react';

import type { TFlowIssue, TFlowNodeKind } from '@uw/flow-engine';

import type { TFlowTestResult } from '../trpc/types';
import { createNode, nextNodeId, positionForNew, positionForTrigger } from './create-node';
import type { TEditorState } from './flow-document';
import { nodeRunStatuses } from './run-status';
import { tidyLayout } from './tidy-layout';
import { deletionMessage } from './undo-toast';
import type { TEditorDispatch } from './use-editor-history';
import { useReactFlowView } from './use-react-flow-view';

/** The document without positions: what a test run's result depends on. */
function shapeOf(definition: TEditorState['definition']): string {
  return JSON.stringify({ nodes: definition.nodes.map(({ position: _position, ...rest }) => rest), edges: definition.edges });
}

type TCanvasEditingOptions = {
  state: TEditorState;
  dispatch: TEditorDispatch;
  issues: readonly TFlowIssue[];
  /** The last test run, for the badges. */
  result: TFlowTestResult | undefined;
  /** Says what was deleted (the undo toast). */
  onDeletedMessage: (message: string) => void;
};

/**
 * What the canvas does to the document: the React Flow view with test-run badges, adding a node beside
 * the selected one (brought into view), Tidy (then the view frames the flow), and deletions that say
 * what they removed — from the canvas (Backspace/Delete) or the side panel's Remove button.
 */
export function useCanvasEditing({ state, dispatch, issues, result, onDeletedMessage }: TCanvasEditingOptions) {
  const { definition } = state;
  const nodeIds = useMemo(() => definition.nodes.map((n) => n.id), [definition.nodes]);
  // What the flow was when the run's result came in: badges of an older flow are marked stale (moves do not count).
  const shape = useMemo(() => shapeOf(definition), [definition]);
  const [ranOn, setRanOn] = useState<{ result: TFlowTestResult; shape: string } | null>(null);
  if (result && ranOn?.result !== result) setRanOn({ result, shape });
  const stale = ranOn !== null && ranOn.shape !== shape;
  const runs = useMemo(() => {
    if (!result) return undefined;
    const statuses = nodeRunStatuses(result.outcome, nodeIds);

    return stale ? new Map([...statuses].map(([id, run]) => [id, { ...run, stale: true }])) : statuses;
  }, [result, nodeIds, stale]);
  const onDeleted = useCallback<Parameters<typeof useReactFlowView>[0]['onDeleted']>(
    ({ nodes, edges }) =>
      onDeletedMessage(
        deletionMessage(
          nodes.map((n) => ({ id: n.id, label: n.data.node.label, kind: n.type })),
          edges.length,
        ),
      ),
    [onDeletedMessage],
  );
  const view = useReactFlowView({ definition, issues, runs, dispatch, onDeleted });
  const [fitRequest, setFitRequest] = useState(0);
  const [revealId, setRevealId] = useState<string | null>(null);

  const addNode = (kind: TFlowNodeKind) => {
    const id = nextNodeId(definition, kind);
    const at = kind === 'trigger' ? positionForTrigger(definition) : positionForNew(definition, view.selectedId, view.sizes);
    dispatch({ type: 'addNode', node: createNode(kind, id, at), connectFrom: kind === 'trigger' ? null : view.selectedId });
    view.select(id);
    setRevealId(id);
  };
  const tidy = () => {
    dispatch({ type: 'replace', definition: tidyLayout(definition, view.sizes) });
    setFitRequest((n) => n + 1);
  };
  const sideDispatch: TEditorDispatch = (action, group) => {
    const gone = action.type === 'removeNode' ? definition.nodes.find((n) => n.id === action.id) : undefined;
    dispatch(action, group);
    if (gone) {
      const edgeCount = definition.edges.filter((e) => e.source === gone.id || e.target === gone.id).length;
      onDeletedMessage(deletionMessage([gone], edgeCount));
    }
  };

  return { view, runs, addNode, tidy, sideDispatch, fitRequest, revealId };
}
