import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { branchHandles } from '../branches';
import type { TSwitchRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function SwitchNodeView({ data, selected }: NodeProps<TSwitchRfNode>) {
  const { cases } = data.node.data;

  return (
    <NodeFrame
      kind="switch"
      title="Switch"
      label={data.node.label}
      issues={data.issues}
      selected={selected}
      hasInput
      outputs={branchHandles(data.node)}
    >
      {cases.length === 0 ? '(no case)' : `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}, first true wins`}
    </NodeFrame>
  );
}

export const SwitchNode = memo(SwitchNodeView);
