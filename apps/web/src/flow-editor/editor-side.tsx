import type { Dispatch, ReactNode } from 'react';

import type { TFlowDefinition, TFlowIssue, TFlowNode } from '@uw/flow-engine';

import { DataProvider } from './data-panel/data-provider';
import { DataPanel } from './data-panel/data-panel';
import type { TEditorAction } from './flow-document';
import { NodeList } from './node-list';
import { NodePanel } from './panels/node-panel';
import { ProblemsList } from './problems-list';

const NO_EDGES: TFlowDefinition['edges'] = [];

type TEditorSideProps = {
  nodes: readonly TFlowNode[];
  /** The edges, for which steps run before the selected node (the data panel lists their outputs). */
  edges?: TFlowDefinition['edges'];
  issues: readonly TFlowIssue[];
  selected: TFlowNode | null;
  onSelect: (id: string) => void;
  dispatch: Dispatch<TEditorAction>;
  /** Where the sample payload comes from (a logged event, a generated example), or null when there is none. */
  sampleSource?: string | null;
  /** The selected node's input and output in the last test run, under its settings. */
  runDetails?: ReactNode;
};

/**
 * The data panel (what the selected node can use) and the side panel: every node as a button, the selected
 * node's settings, and the list of problems. Form edits go through the editor's document (`updateNode`).
 */
export function EditorSide({
  nodes,
  edges = NO_EDGES,
  issues,
  selected,
  onSelect,
  dispatch,
  sampleSource = null,
  runDetails,
}: TEditorSideProps) {
  return (
    <DataProvider nodes={nodes as TFlowNode[]} edges={edges} nodeId={selected?.id ?? null} sampleSource={sampleSource}>
      {selected && selected.kind !== 'trigger' && (
        <aside className="editor-side data-aside" aria-label="Data the node can use">
          <DataPanel />
        </aside>
      )}
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
        ) : null}
        {selected && runDetails}
        {selected ? null : <p className="muted">Select a node (on the canvas or in the list above) to edit it.</p>}
        <ProblemsList nodes={nodes} issues={issues} onSelect={onSelect} />
      </aside>
    </DataProvider>
  );
}
