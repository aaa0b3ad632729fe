import type { Edge, Node } from '@xyflow/react';

import type { TFlowIssue, TFlowNode, TFlowNodeKind } from '@uw/flow-engine';

import type { TNodeRun } from './run-status';

/** What a canvas node carries: the document's node (minus id/position, which React Flow owns) and its issues. */
export type TFlowNodeData<TKind extends TFlowNodeKind> = {
  node: Omit<Extract<TFlowNode, { kind: TKind }>, 'id' | 'position'>;
  issues: TFlowIssue[];
  /** Its badge from the last test run, when there was one. */
  run?: TNodeRun;
};

export type TTriggerRfNode = Node<TFlowNodeData<'trigger'>, 'trigger'>;
export type TConditionRfNode = Node<TFlowNodeData<'condition'>, 'condition'>;
export type TClockifyRfNode = Node<TFlowNodeData<'clockify'>, 'clockify'>;
export type THttpRfNode = Node<TFlowNodeData<'http'>, 'http'>;
export type TSwitchRfNode = Node<TFlowNodeData<'switch'>, 'switch'>;
export type TForEachRfNode = Node<TFlowNodeData<'forEach'>, 'forEach'>;
export type TSetRfNode = Node<TFlowNodeData<'set'>, 'set'>;
export type TWaitRfNode = Node<TFlowNodeData<'wait'>, 'wait'>;
/** The kinds with named ways out, drawn by one component (nodes/branching-node.tsx). */
export type TBranchingRfNode = TConditionRfNode | TSwitchRfNode | TForEachRfNode;
export type TRfNode =
  TTriggerRfNode | TConditionRfNode | TClockifyRfNode | THttpRfNode | TSwitchRfNode | TForEachRfNode | TSetRfNode | TWaitRfNode;
/** An edge keeps the document's `branch` (also its source handle id) in its data. */
export type TRfEdge = Edge<{ branch?: string }>;
