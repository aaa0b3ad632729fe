import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';

import { nodeTypes } from './node-types';
import type { TRfEdge, TRfNode } from './rf-types';
import { FIT, useFraming } from './use-framing';

type TCanvasProps = {
  nodes: TRfNode[];
  edges: TRfEdge[];
  onNodesChange: (changes: NodeChange<TRfNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<TRfEdge>[]) => void;
  onDelete: OnDelete<TRfNode, TRfEdge>;
  onConnect: (connection: Connection) => void;
  /** Deleting (Backspace/Delete), connecting and Tidy need it. */
  canEdit: boolean;
  /** Lays the graph out; the view then frames it. */
  onTidy: () => void;
  /** The view frames the whole flow whenever this changes (after a tidy). */
  fitRequest: number;
  /** A node just added: brought into view when it landed outside it. */
  revealId: string | null;
};

const isValidConnection = (c: Connection | TRfEdge) => c.source !== c.target;

export function Canvas(props: TCanvasProps) {
  const { nodes, edges, onNodesChange, onEdgesChange, onDelete, onConnect, canEdit, onTidy, fitRequest, revealId } = props;
  const { fit, onMoveStart } = useFraming({ fitRequest, revealId });

  return (
    <div className="flow-canvas" data-testid="flow-canvas">
      <ReactFlow<TRfNode, TRfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        onMoveStart={onMoveStart}
        isValidConnection={isValidConnection}
        deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
        nodesConnectable={canEdit}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        aria-label="Flow graph"
      >
        <Background gap={16} />
        <Controls fitViewOptions={FIT} onFitView={fit} showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Flow overview" />
        <Panel position="top-right" className="canvas-tools">
          {canEdit && (
            <button type="button" className="button small" onClick={onTidy} title="Lay the graph out left to right, by its connections">
              Tidy
            </button>
          )}
          <button type="button" className="button small" onClick={fit} title="Zoom to show the whole flow">
            Fit view
          </button>
        </Panel>
      </ReactFlow>
    </div>
  );
}
