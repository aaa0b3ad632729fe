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
export type TSwitchRfNode = Node<TFlowNodeData<'switch'>, 'switch'>;
export type TForEachRfNode = Node<TFlowNodeData<'forEach'>, 'forEach'>;
export type TSetRfNode = Node<TFlowNodeData<'set'>, 'set'>;
export type TWaitRfNode = Node<TFlowNodeData<'wait'>, 'wait'>;
export type TRfNode =
  TTriggerRfNode | TConditionRfNode | TClockifyRfNode | THttpRfNode | TSwitchRfNode | TForEachRfNode | TSetRfNode | TWaitRfNode;
/** An edge keeps the document's `branch` (also its source handle id) in its data. */
export type TRfEdge = Edge<{ branch?: string }>;
