import { Background, Controls, MiniMap, ReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';

import { nodeTypes } from './node-types';
import type { TRfEdge, TRfNode } from './rf-types';

type TCanvasProps = {
  nodes: TRfNode[];
  edges: TRfEdge[];
  onNodesChange: (changes: NodeChange<TRfNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<TRfEdge>[]) => void;
  onConnect: (connection: Connection) => void;
};

const isValidConnection = (c: Connection | TRfEdge) => c.source !== c.target;

export function Canvas({ nodes, edges, onNodesChange, onEdgesChange, onConnect }: TCanvasProps) {
  return (
    <div className="flow-canvas" data-testid="flow-canvas">
      <ReactFlow<TRfNode, TRfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
        aria-label="Flow graph"
      >
        <Background gap={16} />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Flow overview" />
      </ReactFlow>
    </div>
  );
}
