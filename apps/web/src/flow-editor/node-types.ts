import type { NodeTypes } from '@xyflow/react';

import { ClockifyNode } from './nodes/clockify-node';
import { BranchingNode } from './nodes/branching-node';
import { HttpNode } from './nodes/http-node';
import { SetNode } from './nodes/set-node';
import { TriggerNode } from './nodes/trigger-node';
import { WaitNode } from './nodes/wait-node';

/** Module scope on purpose: a new object per render makes React Flow re-mount every node (error002). */
export const nodeTypes = {
  trigger: TriggerNode,
  condition: BranchingNode,
  clockify: ClockifyNode,
  http: HttpNode,
  switch: BranchingNode,
  forEach: BranchingNode,
  set: SetNode,
  wait: WaitNode,
} satisfies NodeTypes;
