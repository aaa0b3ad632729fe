import { Link } from '@tanstack/react-router';

import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import type { TDashboard } from '../../../trpc/types';
import { executionErrorText } from '../executions/execution-error';
import { EXECUTION_STATUSES, type TExecutionSearch } from '../search-schemas';
import { useDashboard } from './use-dashboard';

const rank = (status: string) => (EXECUTION_STATUSES as readonly string[]).indexOf(status);

/** Counts by status in the lifecycle's order; `filtered` (stopped by its conditions) is counted apart from `succeeded`. */
function Outcomes({ executions }: { executions: TDashboard['executions'] }) {
  if (executions.total === 0) return <Empty>No flow ran in the last 24 hours.</Empty>;
  const outcomes = Object.entries(executions.outcomes).sort(([a], [b]) => rank(a) - rank(b));

  return (
    <ul className="outcome-list">
      {outcomes.map(([status, n]) => (
        <li key={status} title={status === 'filtered' ? 'ended by its conditions: no action ran' : undefined}>
          <Link to="/executions" search={{ status: status as TExecutionSearch['status'] }}>
            <StatusBadge status={status} /> {n.toLocaleString()}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function RecentFailures({ failures }: { failures: TDashboard['executions']['recentFailures'] }) {
  if (failures.length === 0) return <p className="muted">No failures.</p>;

  return (
    <ul className="failure-list">
      {failures.map((e) => (
        <li key={e.id}>
          <Link to="/executions/$id" params={{ id: e.id }}>
            {e.flowName ?? `Flow ${e.flowId}`} · {formatDateTime(e.finishedAt ?? e.createdAt)}
          </Link>
          <span className="muted"> {e.errorMessage ?? executionErrorText(e.error)}</span>
        </li>
      ))}
    </ul>
  );
}

export function ExecutionsCard() {
  const query = useDashboard();

  return (
    <section className="card wide" aria-labelledby="executions-card-title">
      <h2 id="executions-card-title">Flow executions</h2>
      <QueryState query={query} what="Execution outcomes" procedure="dashboard.get">
        {({ executions }) => (
          <>
            <h3>Outcomes (last 24 hours: {executions.total})</h3>
            <Outcomes executions={executions} />
            <h3>Recent failures</h3>
            <RecentFailures failures={executions.recentFailures} />
          </>
        )}
      </QueryState>
    </section>
  );
}
