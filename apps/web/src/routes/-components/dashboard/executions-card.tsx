import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';

import type { TDashboard } from '../../../api-contract/pending-types';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import { pendingQuery } from '../../../trpc/pending';
import { executionErrorText } from '../executions/execution-error';
import type { TExecutionSearch } from '../search-schemas';

function Outcomes() {
  const query = useQuery({ ...pendingQuery<TDashboard>('dashboard.get'), refetchInterval: 30_000 });

  return (
    <QueryState query={query} what="Execution outcomes" procedure="dashboard.get">
      {({ executions }) =>
        Object.keys(executions.outcomes).length === 0 ? (
          <Empty>No flow has run yet.</Empty>
        ) : (
          <ul className="outcome-list">
            {Object.entries(executions.outcomes).map(([status, n]) => (
              <li key={status}>
                <Link to="/executions" search={{ status: status as TExecutionSearch['status'] }}>
                  <StatusBadge status={status} /> {n.toLocaleString()}
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

function RecentFailures() {
  const query = useQuery({ ...trpc.executions.list.queryOptions({ status: 'failed', limit: 5 }), refetchInterval: 30_000 });
  const flows = useQuery(trpc.flows.list.queryOptions());
  const names = new Map((flows.data ?? []).map((f) => [f.id, f.name]));

  return (
    <QueryState query={query} what="Recent failures" procedure="executions.list">
      {({ items }) =>
        items.length === 0 ? (
          <p className="muted">No failures.</p>
        ) : (
          <ul className="failure-list">
            {items.map((e) => (
              <li key={e.id}>
                <Link to="/executions/$id" params={{ id: e.id }}>
                  {names.get(e.flowId) ?? `Flow ${e.flowId}`} · {formatDateTime(e.finishedAt ?? e.createdAt)}
                </Link>
                <span className="muted"> {executionErrorText(e.error)}</span>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

export function ExecutionsCard() {
  return (
    <section className="card wide" aria-labelledby="executions-card-title">
      <h2 id="executions-card-title">Flow executions</h2>
      <h3>Outcomes (last 24 hours)</h3>
      <Outcomes />
      <h3>Recent failures</h3>
      <RecentFailures />
    </section>
  );
}
