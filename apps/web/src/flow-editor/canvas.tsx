import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';

import { DEFAULT_NODE_SIZE } from './layout-geometry';
import { nodeTypes } from './node-types';
import type { TRfEdge, TRfNode } from './rf-types';

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

export const FIT = { maxZoom: 1, padding: 0.15 } as const;

/** After a render (React Flow has the new positions): frame the flow on request, and a new node when it is out of view. */
function useFraming(wrapper: RefObject<HTMLDivElement | null>, { fitRequest, revealId }: Pick<TCanvasProps, 'fitRequest' | 'revealId'>) {
  const { fitView, getInternalNode, getViewport } = useReactFlow<TRfNode, TRfEdge>();
  const firstFit = useRef(fitRequest);
  useEffect(() => {
    if (fitRequest === firstFit.current) return undefined;
    const frame = requestAnimationFrame(() => void fitView(FIT));

    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fitView]);
  useEffect(() => {
    if (!revealId) return undefined;
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(revealId);
      const box = wrapper.current?.getBoundingClientRect();
      if (!node || !box) return;
      const { x, y, zoom } = getViewport();
      const { width = DEFAULT_NODE_SIZE.width, height = DEFAULT_NODE_SIZE.height } = node.measured;
      const left = node.internals.positionAbsolute.x * zoom + x;
      const top = node.internals.positionAbsolute.y * zoom + y;
      const inView = left >= 0 && top >= 0 && left + width * zoom <= box.width && top + height * zoom <= box.height;
      if (!inView) void fitView(FIT);
    });

    return () => cancelAnimationFrame(frame);
  }, [revealId, fitView, getInternalNode, getViewport, wrapper]);
}

export function Canvas(props: TCanvasProps) {
  const { nodes, edges, onNodesChange, onEdgesChange, onDelete, onConnect, canEdit, onTidy, fitRequest, revealId } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const { fitView } = useReactFlow();
  useFraming(wrapper, { fitRequest, revealId });

  return (
    <div className="flow-canvas" data-testid="flow-canvas" ref={wrapper}>
      <ReactFlow<TRfNode, TRfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
        nodesConnectable={canEdit}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        aria-label="Flow graph"
      >
        <Background gap={16} />
        <Controls fitViewOptions={FIT} showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Flow overview" />
        <Panel position="top-right" className="canvas-tools">
          {canEdit && (
            <button type="button" className="button small" onClick={onTidy} title="Lay the graph out left to right, by its connections">
              Tidy
            </button>
          )}
          <button type="button" className="button small" onClick={() => void fitView(FIT)} title="Zoom to show the whole flow">
            Fit view
          </button>
        </Panel>
      </ReactFlow>
    </div>
  );
}
