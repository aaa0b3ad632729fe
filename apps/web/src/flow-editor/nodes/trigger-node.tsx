import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { useSourceNames } from '../../hooks/use-source-names';
import type { TTriggerRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

function TriggerNodeView({ data, selected }: NodeProps<TTriggerRfNode>) {
  const trigger = data.node.data;
  const names = useSourceNames();
  const summary =
    trigger.source === 'clockify'
      ? trigger.events.length === 0
        ? 'No event chosen'
        : trigger.events.slice(0, 3).join(', ') + (trigger.events.length > 3 ? ` +${trigger.events.length - 3}` : '')
      : `Custom source: ${trigger.sourceId ? (names.get(trigger.sourceId) ?? trigger.sourceId) : '(none chosen)'}`;

  return (
    <NodeFrame kind="trigger" title="Trigger" label={data.node.label} issues={data.issues} selected={selected} hasInput={false}>
      {summary}
    </NodeFrame>
  );
}

export const TriggerNode = memo(TriggerNodeView);
