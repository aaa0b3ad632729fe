import type { NodeTypes } from '@xyflow/react';

import { ClockifyNode } from './nodes/clockify-node';
import { ConditionNode } from './nodes/condition-node';
import { HttpNode } from './nodes/http-node';
import { TriggerNode } from './nodes/trigger-node';

/** Module scope on purpose: a new object per render makes React Flow re-mount every node (error002). */
export const nodeTypes = {
  trigger: TriggerNode,
  condition: ConditionNode,
  clockify: ClockifyNode,
  http: HttpNode,
} satisfies NodeTypes;
