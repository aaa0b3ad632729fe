import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { branchHandles } from '../branches';
import type { TForEachRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function ForEachNodeView({ data, selected }: NodeProps<TForEachRfNode>) {
  return (
    <NodeFrame
      kind="forEach"
      title="For each"
      label={data.node.label}
      issues={data.issues}
      selected={selected}
      hasInput
      outputs={branchHandles(data.node)}
    >
      <code className="flow-node-code">{data.node.data.items || '(no list)'}</code>
    </NodeFrame>
  );
}

export const ForEachNode = memo(ForEachNodeView);
