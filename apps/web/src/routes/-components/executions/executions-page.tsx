import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import { CursorPager } from '../../../components/cursor-pager';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { trpc } from '../../../trpc/client';
import type { TExecutionSummary } from '../../../trpc/types';
import { EXECUTION_STATUSES, type TExecutionSearch } from '../search-schemas';
import { executionErrorText } from './execution-error';
import { useExecutionUpdates } from './use-execution-updates';

const route = getRouteApi('/executions');

export function ExecutionsTable({ items }: { items: TExecutionSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Flow</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Created</th>
            <th scope="col">Finished</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to="/executions/$id" params={{ id: e.id }}>
                  {e.id}
                </Link>
              </td>
              <td>
                <Link to="/flows/$flowId" params={{ flowId: e.flowId }}>
                  {e.flowName ?? e.flowId}
                </Link>
              </td>
              <td>
                <StatusBadge status={e.status} />
              </td>
              <td className="num">{e.attempts}</td>
              <td>{formatDateTime(e.createdAt)}</td>
              <td>{formatDateTime(e.finishedAt)}</td>
              <td className="small">{executionErrorText(e.error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ExecutionsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const pages = useCursorPages({ cursor: search.cursor, go: (cursor) => void navigate({ search: (s) => ({ ...s, cursor }) }) });
  const flows = useQuery(trpc.flows.list.queryOptions());
  const live = useExecutionUpdates();
  const query = useQuery({ ...trpc.executions.list.queryOptions({ ...search, limit: 50 }), placeholderData: keepPreviousData });
  const setFilter = (patch: Partial<TExecutionSearch>) => {
    pages.reset();
    void navigate({ search: (s) => ({ ...s, ...patch, cursor: undefined }) });
  };

  return (
    <>
      <h1>Executions {live === 'pending' && <span className="badge badge-info">live</span>}</h1>
      <div className="filters" role="group" aria-label="Filter executions">
        <label>
          Flow
          <select value={search.flowId ?? ''} onChange={(e) => setFilter({ flowId: e.target.value || undefined })}>
            <option value="">Any</option>
            {(flows.data ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            value={search.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || undefined) as TExecutionSearch['status'] })}
          >
            <option value="">Any</option>
            {EXECUTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'filtered' ? 'filtered (stopped by its conditions)' : s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={query} what="Executions" procedure="executions.list">
        {(page) => (
          <>
            {page.items.length === 0 ? <Empty>No execution matches.</Empty> : <ExecutionsTable items={page.items} />}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}
