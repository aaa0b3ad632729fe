import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { branchHandles } from '../branches';
import type { TConditionRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function ConditionNodeView({ data, selected }: NodeProps<TConditionRfNode>) {
  return (
    <NodeFrame
      kind="condition"
      title="Condition"
      label={data.node.label}
      issues={data.issues}
      selected={selected}
      hasInput
      outputs={branchHandles(data.node)}
    >
      <code className="flow-node-code">{data.node.data.expression || '(empty)'}</code>
    </NodeFrame>
  );
}

export const ConditionNode = memo(ConditionNodeView);
