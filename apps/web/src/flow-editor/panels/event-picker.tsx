import { useMemo, useState } from 'react';

import { useEventTypes } from '../../hooks/use-event-types';

/** Clockify's webhook event types as a filterable checkbox list (free text when the list cannot be loaded). */
export function EventPicker({ events, onChange }: { events: string[]; onChange: (events: string[]) => void }) {
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
