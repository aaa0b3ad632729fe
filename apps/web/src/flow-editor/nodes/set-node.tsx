import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import type { TSetRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function SetNodeView({ data, selected }: NodeProps<TSetRfNode>) {
  const names = Object.keys(data.node.data.values);

  return (
    <NodeFrame kind="set" title="Set values" data={data} selected={selected} hasInput>
      {names.length === 0 ? '(no value)' : <code className="flow-node-code">{names.join(', ')}</code>}
    </NodeFrame>
  );
}

export const SetNode = memo(SetNodeView);
