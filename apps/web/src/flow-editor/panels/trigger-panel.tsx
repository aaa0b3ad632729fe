import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import type { TFlowIssue, TFlowTriggerNode } from '@uw/flow-engine';

import { useEventTypes } from '../../hooks/use-event-types';
import { trpc } from '../../trpc/client';

type TTriggerPanelProps = { node: TFlowTriggerNode; onChange: (node: TFlowTriggerNode) => void; issues: readonly TFlowIssue[] };

function EventPicker({ events, onChange }: { events: string[]; onChange: (events: string[]) => void }) {
  const { eventTypes, unavailable, query } = useEventTypes();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();

    return eventTypes.filter(
      (t) => !f || t.name.toLowerCase().includes(f) || t.description.toLowerCase().includes(f) || t.entity.toLowerCase().includes(f),
    );
  }, [eventTypes, filter]);
  const toggle = (name: string) => onChange(events.includes(name) ? events.filter((e) => e !== name) : [...events, name]);

  if (unavailable) {
    return (
      <label className="block">
        Event types (one per line; the list of event types could not be loaded)
        <textarea
          rows={4}
          value={events.join('\n')}
          onChange={(e) => onChange(e.target.value.split(/\s+/).filter(Boolean))}
          spellCheck={false}
        />
      </label>
    );
  }

  return (
    <fieldset className="event-picker">
      <legend>Events ({events.length} chosen)</legend>
      <label>
        Filter events
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="time entry, project…" />
      </label>
      {query.isPending && <p role="status">Loading event types…</p>}
      <ul className="event-list">
        {shown.map((t) => (
          <li key={t.name}>
            <label>
              <input type="checkbox" checked={events.includes(t.name)} onChange={() => toggle(t.name)} /> <code>{t.name}</code>
              <span className="muted small"> {t.description}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function TriggerPanel({ node, onChange, issues }: TTriggerPanelProps) {
  const sources = useQuery(trpc.sources.list.queryOptions());
  const data = node.data;
  const setSource = (source: 'clockify' | 'custom') =>
    onChange({ ...node, data: source === 'clockify' ? { source, events: [] } : { source, sourceId: sources.data?.[0]?.id ?? '' } });

  return (
    <>
      <fieldset>
        <legend>Source</legend>
        <label>
          <input type="radio" name="trigger-source" checked={data.source === 'clockify'} onChange={() => setSource('clockify')} /> Clockify
          events
        </label>
        <label>
          <input type="radio" name="trigger-source" checked={data.source === 'custom'} onChange={() => setSource('custom')} /> A custom
          webhook source
        </label>
      </fieldset>
      {data.source === 'clockify' ? (
        <EventPicker events={data.events} onChange={(events) => onChange({ ...node, data: { source: 'clockify', events } })} />
      ) : data.source === 'custom' ? (
        <label className="block">
          Custom source
          <select value={data.sourceId} onChange={(e) => onChange({ ...node, data: { source: 'custom', sourceId: e.target.value } })}>
            <option value="">Choose a source…</option>
            {(sources.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {sources.data?.length === 0 && <span className="muted small"> No custom source yet: create one in Settings.</span>}
        </label>
      ) : null}
      {issues
        .filter((i) => i.field?.startsWith('data.'))
        .map((i, n) => (
          <p key={n} className="error-text small">
            {i.message}
          </p>
        ))}
    </>
  );
}
