import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import type { TWaitRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function WaitNodeView({ data, selected }: NodeProps<TWaitRfNode>) {
  const { seconds, until } = data.node.data;

  return (
    <NodeFrame kind="wait" title="Wait" data={data} selected={selected} hasInput>
      {seconds !== undefined ? (
        <>
          <code className="flow-node-code">{seconds}</code> seconds
        </>
      ) : until !== undefined ? (
        <>
          until <code className="flow-node-code">{until}</code>
        </>
      ) : (
        '(no duration)'
      )}
    </NodeFrame>
  );
}

export const WaitNode = memo(WaitNodeView);
