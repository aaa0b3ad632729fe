import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import type { TFlowNode } from '@uw/flow-engine';

import { formatDateTime } from '../components/format';
import { trpc } from '../trpc/client';
import type { TTriggerData } from './trigger-data';
import type { TSampleEvent } from './evaluation';

/** webhooks.list input for events that could trigger this flow. */
export function sampleListInput(trigger: TTriggerData | null) {
  if (trigger?.source === 'custom') return { source: 'custom' as const, sourceId: trigger.sourceId || undefined, limit: 25 };
  if (trigger?.source === 'clockify' && trigger.events.length === 1)
    return { source: 'clockify' as const, eventType: trigger.events[0], limit: 25 };

  return { source: 'clockify' as const, limit: 50 };
}

export function triggerOf(nodes: readonly TFlowNode[]): TTriggerData | null {
  const t = nodes.find((n) => n.kind === 'trigger');

  return t?.kind === 'trigger' ? t.data : null;
}

/** The logged webhook the editor evaluates expressions against (and the test run uses). */
export function useSampleEvent(trigger: TTriggerData | null) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = useQuery(trpc.webhooks.list.queryOptions(sampleListInput(trigger)));
  const events = trigger?.source === 'clockify' && trigger.events.length > 1 ? new Set(trigger.events) : null;
  const options = (list.data?.items ?? []).filter((w) => w.outcome !== 'rejected' && (!events || events.has(w.eventType)));
  const detail = useQuery({ ...trpc.webhooks.get.queryOptions({ id: selectedId ?? '' }), enabled: selectedId !== null });
  const sample: TSampleEvent | null = detail.data
    ? {
        id: detail.data.id,
        eventType: detail.data.eventType,
        source: detail.data.source,
        receivedAt: detail.data.receivedAt,
        payload: detail.data.payload,
        headers: detail.data.headers,
      }
    : null;

  return { options, list, detail, selectedId, setSelectedId, sample };
}

type TSamplePickerProps = { state: ReturnType<typeof useSampleEvent> };

export function SampleEventPicker({ state }: TSamplePickerProps) {
  const { options, list, detail, selectedId, setSelectedId } = state;

  return (
    <div className="sample-picker">
      <label>
        Test event{' '}
        <select value={selectedId ?? ''} onChange={(e) => setSelectedId(e.target.value || null)} disabled={list.isPending}>
          <option value="">
            {list.isPending ? 'Loading…' : options.length === 0 ? 'No logged event matches the trigger' : 'Choose a logged event…'}
          </option>
          {options.map((w) => (
            <option key={w.id} value={w.id}>
              {w.eventType} · {formatDateTime(w.receivedAt)}
            </option>
          ))}
        </select>
      </label>
      {detail.isFetching && <span role="status"> loading its payload…</span>}
      {list.isError && <span className="error-text small"> {list.error.message}</span>}
    </div>
  );
}
