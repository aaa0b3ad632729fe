import type { Dispatch } from 'react';

import type { TFlowIssue, TFlowNode } from '@uw/flow-engine';

import type { TEditorAction } from './flow-document';
import { NodeList } from './node-list';
import { NodePanel } from './panels/node-panel';
import { ProblemsList } from './problems-list';

type TEditorSideProps = {
  nodes: readonly TFlowNode[];
  issues: readonly TFlowIssue[];
  selected: TFlowNode | null;
  onSelect: (id: string) => void;
  dispatch: Dispatch<TEditorAction>;
};

/** The side panel: every node as a button, the selected node's settings, and the list of problems. */
export function EditorSide({ nodes, issues, selected, onSelect, dispatch }: TEditorSideProps) {
  return (
    <aside className="editor-side" aria-label="Node settings">
      <NodeList nodes={nodes} issues={issues} selectedId={selected?.id ?? null} onSelect={onSelect} />
      {selected ? (
        <NodePanel
          key={selected.id}
          node={selected}
          issues={issues.filter((i) => i.nodeId === selected.id)}
          onChange={(node) => dispatch({ type: 'updateNode', node })}
          onRemove={() => dispatch({ type: 'removeNode', id: selected.id })}
        />
      ) : (
        <p className="muted">Select a node (on the canvas or in the list above) to edit it.</p>
      )}
      <ProblemsList nodes={nodes} issues={issues} onSelect={onSelect} />
    </aside>
  );
}
