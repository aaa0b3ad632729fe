import type { Edge, Node } from '@xyflow/react';

import type { TFlowIssue, TFlowNode, TFlowNodeKind } from '@uw/flow-engine';

/** What a canvas node carries: the document's node (minus id/position, which React Flow owns) and its issues. */
export type TFlowNodeData<TKind extends TFlowNodeKind> = {
  node: Omit<Extract<TFlowNode, { kind: TKind }>, 'id' | 'position'>;
  issues: TFlowIssue[];
};

export type TTriggerRfNode = Node<TFlowNodeData<'trigger'>, 'trigger'>;
export type TConditionRfNode = Node<TFlowNodeData<'condition'>, 'condition'>;
export type TClockifyRfNode = Node<TFlowNodeData<'clockify'>, 'clockify'>;
export type THttpRfNode = Node<TFlowNodeData<'http'>, 'http'>;
export type TRfNode = TTriggerRfNode | TConditionRfNode | TClockifyRfNode | THttpRfNode;
export type TRfEdge = Edge;
