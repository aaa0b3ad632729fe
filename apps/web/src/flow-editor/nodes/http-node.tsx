import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import type { THttpRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function HttpNodeView({ data, selected }: NodeProps<THttpRfNode>) {
  const { method, url } = data.node.data;

  return (
    <NodeFrame kind="http" title="HTTP action" data={data} selected={selected} hasInput>
      <strong>{method}</strong> <code className="flow-node-code">{url || '(no URL)'}</code>
    </NodeFrame>
  );
}

export const HttpNode = memo(HttpNodeView);
