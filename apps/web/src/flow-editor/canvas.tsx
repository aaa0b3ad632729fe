import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useEffect, useRef } from 'react';

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

const FIT = { maxZoom: 1, padding: 0.15 } as const;

/** A node added from the palette may land below the visible area: the view fits the graph again when the graph grows. */
function useFitOnGrow(count: number) {
  const { fitView } = useReactFlow();
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) void fitView(FIT);
    seen.current = count;
  }, [count, fitView]);
}

export function Canvas({ nodes, edges, onNodesChange, onEdgesChange, onConnect }: TCanvasProps) {
  useFitOnGrow(nodes.length);

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
        fitViewOptions={FIT}
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
