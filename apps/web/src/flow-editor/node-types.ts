import type { NodeTypes } from '@xyflow/react';

import { ClockifyNode } from './nodes/clockify-node';
import { ConditionNode } from './nodes/condition-node';
import { ForEachNode } from './nodes/for-each-node';
import { HttpNode } from './nodes/http-node';
import { SetNode } from './nodes/set-node';
import { SwitchNode } from './nodes/switch-node';
import { TriggerNode } from './nodes/trigger-node';
import { WaitNode } from './nodes/wait-node';

/** Module scope on purpose: a new object per render makes React Flow re-mount every node (error002). */
export const nodeTypes = {
  trigger: TriggerNode,
  condition: ConditionNode,
  clockify: ClockifyNode,
  http: HttpNode,
  switch: SwitchNode,
  forEach: ForEachNode,
  set: SetNode,
  wait: WaitNode,
} satisfies NodeTypes;
