import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

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

/** The single Clockify event a trigger listens to (an example of it can be generated), or null. */
function exampleEventOf(trigger: TTriggerData | null): string | null {
  return trigger?.source === 'clockify' && trigger.events.length >= 1 ? (trigger.events[0] ?? null) : null;
}

/**
 * The sample the editor evaluates expressions against (and the test run uses): the chosen logged webhook,
 * else the newest one that could trigger the flow, else (none logged) an example of the trigger's event
 * generated from its schema.
 */
export function useSampleEvent(trigger: TTriggerData | null) {
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const list = useQuery(trpc.webhooks.list.queryOptions(sampleListInput(trigger)));
  const events = trigger?.source === 'clockify' && trigger.events.length > 1 ? new Set(trigger.events) : null;
  const options = (list.data?.items ?? []).filter((w) => w.outcome !== 'rejected' && (!events || events.has(w.eventType)));
  const selectedId = chosenId !== null && options.some((w) => w.id === chosenId) ? chosenId : (options[0]?.id ?? null);
  const detail = useQuery({ ...trpc.webhooks.get.queryOptions({ id: selectedId ?? '' }), enabled: selectedId !== null });
  const exampleEvent = list.isSuccess && options.length === 0 ? exampleEventOf(trigger) : null;
  const example = useQuery({
    ...trpc.explorer.eventExample.queryOptions({ eventType: exampleEvent ?? '' }),
    enabled: exampleEvent !== null,
    staleTime: 10 * 60_000,
  });
  const logged = selectedId ? detail.data : undefined;
  const made = exampleEvent ? example.data : undefined;
  // One object per loaded sample: the editor re-evaluates every field when it changes.
  const { sample, source } = useMemo((): { sample: TSampleEvent | null; source: string | null } => {
    if (logged) {
      const { id, eventType, source: from, receivedAt, payload, headers } = logged;

      return {
        sample: { id, eventType, source: from, receivedAt, payload, headers },
        source: `The logged ${eventType} of ${formatDateTime(receivedAt)}`,
      };
    }
    if (made?.payload != null) {
      return {
        sample: { id: 'example', eventType: made.eventType, source: 'clockify', receivedAt: 0, payload: made.payload, headers: {} },
        source: `No ${made.eventType} logged yet: an example generated from ${made.operationId ?? 'its'} schema (made-up values)`,
      };
    }

    return { sample: null, source: null };
  }, [logged, made]);

  return { options, list, detail, selectedId, setSelectedId, sample, source, isExample: sample?.id === 'example' };
}

type TSamplePickerProps = { state: ReturnType<typeof useSampleEvent> };

export function SampleEventPicker({ state }: TSamplePickerProps) {
  const { options, list, detail, selectedId, setSelectedId } = state;

  return (
    <div className="sample-picker">
      <label>
        Test event{' '}
        <select value={selectedId ?? ''} onChange={(e) => setSelectedId(e.target.value || null)} disabled={list.isPending}>
          {options.length === 0 && (
            <option value="">
              {list.isPending ? 'Loading…' : state.isExample ? 'None logged: using an example' : 'No logged event matches the trigger'}
            </option>
          )}
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
