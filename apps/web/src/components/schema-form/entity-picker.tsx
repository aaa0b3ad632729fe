import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { trpc } from '../../trpc/client';
import { controlProps } from './control-props';
import type { TLeafField, TPicker } from './types';

const LIMIT = 100;

export const entityLabel = (entityType: string) => entityType.replace(/_/g, ' ');

/**
 * An id field as a choice among cached entities (by name), with a switch to typing an id. When nothing of that type
 * is cached, a text input. Tasks are narrowed to the chosen project (the cache search's `projectId`).
 */
export function EntityPicker({ field, picker }: { field: TLeafField; picker: TPicker }) {
  const counts = useQuery({ ...trpc.cache.counts.queryOptions(), staleTime: 60_000 });
  const [typing, setTyping] = useState(false);
  const [filter, setFilter] = useState('');
  const count = counts.data?.find((c) => c.entityType === picker.entityType)?.count ?? 0;
  const search = useQuery({
    ...trpc.cache.search.queryOptions({
      entityType: picker.entityType,
      query: filter.trim() || undefined,
      limit: LIMIT,
      ...(picker.parent ? { projectId: picker.parent.id } : {}),
    }),
    enabled: count > 0 && !typing,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const what = entityLabel(picker.entityType);
  const value = typeof field.value === 'string' ? field.value : '';
  const hits = search.data ?? [];
  const set = (v: string) => field.onChange(v === '' ? undefined : v);

  if (typing || counts.isError || (counts.isSuccess && count === 0)) {
    return (
      <span className="entity-picker">
        <input
          {...controlProps(field)}
          value={value}
          readOnly={field.readOnly}
          placeholder={`${what} id`}
          onChange={(e) => set(e.target.value.trim())}
        />
        {count > 0 && (
          <button type="button" className="button small" onClick={() => setTyping(false)}>
            Pick a {what}
          </button>
        )}
      </span>
    );
  }

  return (
    <span className="entity-picker">
      {count > LIMIT && (
        <input
          type="search"
          aria-label={`Filter ${what}s by name`}
          placeholder={`Filter ${what}s…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <select
        {...controlProps(field)}
        value={value}
        disabled={field.readOnly}
        aria-busy={search.isFetching || counts.isPending}
        onChange={(e) => set(e.target.value)}
      >
        <option value="">{counts.isPending || search.isPending ? 'Loading…' : field.required ? `Choose a ${what}…` : 'Not set'}</option>
        {value !== '' && !hits.some((h) => h.id === value) && <option value={value}>{value}</option>}
        {hits.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name ?? h.id}
          </option>
        ))}
      </select>
      {picker.parent === undefined && picker.entityType === 'task' && (
        <span className="muted small">Choose a project to narrow the tasks.</span>
      )}
      {search.isSuccess && hits.length === 0 && <span className="muted small">No cached {what} matches.</span>}
      <button type="button" className="button small" onClick={() => setTyping(true)} disabled={field.readOnly}>
        Type an id
      </button>
    </span>
  );
}
