import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';

import { fromLocalInput, toLocalInput } from '../../../components/format';
import { useEventTypes } from '../../../hooks/use-event-types';
import { trpc } from '../../../trpc/client';
import { WEBHOOK_OUTCOMES, type TWebhookSearch } from '../search-schemas';

type TFilterFormProps = { search: TWebhookSearch; onApply: (next: TWebhookSearch) => void };

const toForm = (s: TWebhookSearch) => ({
  source: s.source ?? '',
  sourceId: s.sourceId ?? '',
  eventType: s.eventType ?? '',
  outcome: s.outcome ?? '',
  from: toLocalInput(s.from),
  to: toLocalInput(s.to),
  path: s.path ?? '',
  equals: s.equals === undefined ? '' : String(s.equals),
});

export function FilterForm({ search, onApply }: TFilterFormProps) {
  const [form, setForm] = useState(() => toForm(search));
  useEffect(() => setForm(toForm(search)), [search]);
  const sources = useQuery(trpc.sources.list.queryOptions());
  const { eventTypes } = useEventTypes();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      source: (form.source || undefined) as TWebhookSearch['source'],
      sourceId: form.source === 'custom' ? form.sourceId || undefined : undefined,
      eventType: form.eventType.trim() || undefined,
      outcome: (form.outcome || undefined) as TWebhookSearch['outcome'],
      from: fromLocalInput(form.from),
      to: fromLocalInput(form.to),
      path: form.path.trim() || undefined,
      equals: form.path.trim() ? form.equals : undefined,
    });
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter webhooks">
      <label>
        Source
        <select value={form.source} onChange={set('source')}>
          <option value="">Any</option>
          <option value="clockify">Clockify</option>
          <option value="custom">Custom</option>
        </select>
      </label>
      {form.source === 'custom' && (
        <label>
          Custom source
          <select value={form.sourceId} onChange={set('sourceId')}>
            <option value="">Any</option>
            {(sources.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Event type
        <input list="event-type-options" value={form.eventType} onChange={set('eventType')} placeholder="e.g. NEW_TIME_ENTRY" />
        <datalist id="event-type-options">
          {eventTypes.map((t) => (
            <option key={t.name} value={t.name}>
              {t.description}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Outcome
        <select value={form.outcome} onChange={set('outcome')}>
          <option value="">Any</option>
          {WEBHOOK_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="datetime-local" value={form.from} onChange={set('from')} />
      </label>
      <label>
        To
        <input type="datetime-local" value={form.to} onChange={set('to')} />
      </label>
      <fieldset className="payload-search">
        <legend>Payload search</legend>
        <label>
          JSON path
          <input value={form.path} onChange={set('path')} placeholder="$.project.name" spellCheck={false} />
        </label>
        <label>
          equals
          <input value={form.equals} onChange={set('equals')} placeholder="value (true/false for booleans)" />
        </label>
      </fieldset>
      <div className="filter-actions">
        <button type="submit" className="button primary">
          Apply filters
        </button>
        <button type="button" className="button" onClick={() => onApply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
