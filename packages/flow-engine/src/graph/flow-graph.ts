/**
 * The structural view the graph helpers need. A `TFlowDefinition` fits it, and so does an editor
 * draft that has not passed the schema yet.
 */
export type TFlowGraph<TNode extends { id: string } = { id: string }> = {
  nodes: readonly TNode[];
  edges: readonly { source: string; target: string; branch?: string }[];
};
