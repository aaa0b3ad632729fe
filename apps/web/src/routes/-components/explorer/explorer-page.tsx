import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo } from 'react';

import type { TEndpoints, TOperationSummary } from '../../../trpc/types';
import { Empty, QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { MethodBadge } from './method-badge';
import { filterOperations, flattenEndpoints, groupByTag, METHODS } from './operations';

const route = getRouteApi('/explorer');

function OperationList({ data }: { data: TEndpoints }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const all: TOperationSummary[] = useMemo(() => flattenEndpoints(data), [data]);
  const filtered = useMemo(() => filterOperations(all, search), [all, search]);
  const groups = useMemo(() => groupByTag(filtered, all), [filtered, all]);
  const setSearch = (patch: Record<string, string | undefined>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });

  return (
    <>
      <div className="filters" role="search">
        <label>
          Search operations
          <input
            type="search"
            value={search.q ?? ''}
            onChange={(e) => setSearch({ q: e.target.value || undefined })}
            placeholder="e.g. time entry, /projects"
          />
        </label>
        <div role="group" aria-label="Method" className="segmented">
          {[undefined, ...METHODS].map((m) => (
            <button
              key={m ?? 'all'}
              type="button"
              aria-pressed={(search.method ?? undefined) === m}
              className="button small"
              onClick={() => setSearch({ method: m })}
            >
              {m ?? 'All methods'}
            </button>
          ))}
        </div>
        <label>
          Tag
          <select value={search.tag ?? ''} onChange={(e) => setSearch({ tag: e.target.value || undefined })}>
            <option value="">All tags</option>
            {data.tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.count})
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" role="status">
        {filtered.length} of {all.length} operations
      </p>
      {groups.length === 0 ? (
        <Empty>No operation matches.</Empty>
      ) : (
        groups.map((g) => (
          <section key={g.tag} className="tag-group" aria-label={`${g.tag} operations`}>
            <h2>
              {g.tag}{' '}
              <span className="muted small">{g.operations.length === g.total ? g.total : `${g.operations.length} of ${g.total}`}</span>
            </h2>
            <ul className="operation-list">
              {g.operations.map((op) => (
                <li key={op.operationId}>
                  <Link
                    to="/explorer/$operationId"
                    params={{ operationId: op.operationId }}
                    className={op.deprecated ? 'deprecated' : undefined}
                  >
                    <MethodBadge method={op.method} /> <code>{op.path}</code> <span>{op.summary || op.operationId}</span>
                    {op.deprecated && <span className="badge badge-warn">deprecated</span>}
                    {op.destructive && <span className="badge badge-bad">changes data</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

export function ExplorerPage() {
  const query = useQuery({ ...trpc.explorer.endpoints.queryOptions({}), staleTime: 5 * 60_000 });

  return (
    <>
      <h1>API Explorer</h1>
      <QueryState query={query} what="The API catalogue" procedure="explorer.endpoints">
        {(data) =>
          !data.available ? (
            <div className="state state-unavailable" role="note">
              {data.reason ?? "Clockify's OpenAPI document is not loaded on the server. Run `npm run openapi:sync` there."}
            </div>
          ) : (
            <OperationList data={data} />
          )
        }
      </QueryState>
    </>
  );
}
