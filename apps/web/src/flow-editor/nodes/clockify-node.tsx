import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import type { TClockifyRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function ClockifyNodeView({ data, selected }: NodeProps<TClockifyRfNode>) {
  const { operationId, path, query } = data.node.data;
  const mapped = Object.keys(path).length + Object.keys(query).length;

  return (
    <NodeFrame kind="clockify" title="Clockify action" data={data} selected={selected} hasInput>
      <code className="flow-node-code">{operationId || '(no operation)'}</code>
      {mapped > 0 && <span className="muted"> · {mapped} parameters</span>}
    </NodeFrame>
  );
}

export const ClockifyNode = memo(ClockifyNodeView);
