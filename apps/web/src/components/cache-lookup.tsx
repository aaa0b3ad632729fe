import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';

import { trpc } from '../trpc/client';
import { CopyButton } from './copy-button';
import { QueryState } from './states';

/** Finds a cached entity by name (cache.search) to copy its id, e.g. into a flow parameter. */
export function CacheLookup({ title = 'Look up an id' }: { title?: string }) {
  const counts = useQuery(trpc.cache.counts.queryOptions());
  const [entityType, setEntityType] = useState('');
  const [text, setText] = useState('');
  const headingId = useId();
  const type = entityType || counts.data?.[0]?.entityType || '';
  const search = useQuery({
    ...trpc.cache.search.queryOptions({ entityType: type, query: text.trim() || undefined, limit: 10 }),
    enabled: type !== '',
    placeholderData: keepPreviousData,
  });
  if (counts.data?.length === 0) return null;

  return (
    <section className="cache-lookup" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div className="inline-form">
        <label>
          Entity
          <select value={type} onChange={(e) => setEntityType(e.target.value)}>
            {(counts.data ?? []).map((c) => (
              <option key={c.entityType} value={c.entityType}>
                {c.entityType} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Name contains
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {type && (
        <QueryState query={search} what="Cached entities" procedure="cache.search">
          {(hits) =>
            hits.length === 0 ? (
              <p className="muted small">Nothing cached matches.</p>
            ) : (
              <ul className="cache-hits">
                {hits.map((h) => (
                  <li key={h.id}>
                    {h.name ?? '(no name)'} <code className="small">{h.id}</code>{' '}
                    <CopyButton text={h.id} label={`Copy id of ${h.name ?? h.id}`} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
