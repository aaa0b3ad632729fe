import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { useSourceNames } from '../../hooks/use-source-names';
import type { TTriggerRfNode } from '../rf-types';
import type { TTriggerData } from '../trigger-data';
import { NodeFrame } from './node-frame';

function eventList(events: readonly string[]): string {
  if (events.length === 0) return 'No event chosen';

  return events.slice(0, 3).join(', ') + (events.length > 3 ? ` +${events.length - 3}` : '');
}

function triggerSummary(trigger: TTriggerData, names: ReadonlyMap<string, string>): string {
  switch (trigger.source) {
    case 'clockify':
      return eventList(trigger.events);
    case 'custom':
      return `Custom source: ${trigger.sourceId ? (names.get(trigger.sourceId) ?? trigger.sourceId) : '(none chosen)'}`;
    case 'schedule':
      return `Schedule: ${trigger.cron || '(no cron)'}${trigger.timezone ? ` · ${trigger.timezone}` : ''}`;
    case 'manual':
      return 'Manual runs';
    case 'internal':
      return `Add-on events: ${eventList(trigger.events)}`;
  }
}

function TriggerNodeView({ data, selected }: NodeProps<TTriggerRfNode>) {
  const trigger = data.node.data;
  const names = useSourceNames();
  const summary = triggerSummary(trigger, names);

  return (
    <NodeFrame kind="trigger" title="Trigger" data={data} selected={selected} hasInput={false}>
      {summary}
    </NodeFrame>
  );
}

export const TriggerNode = memo(TriggerNodeView);
