import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import { useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import type { TExecutionDetail } from '../../../trpc/types';
import { CancelExecution, CancelFacts } from './cancel-execution';
import { executionErrorText } from './execution-error';
import { RetryForm, somethingFailed } from './retry-form';
import { StepItem } from './step-item';
import { useExecutionUpdates } from './use-execution-updates';

const route = getRouteApi('/executions/$id');
const ACTIVE = new Set(['queued', 'waiting', 'running']);

function Timeline({ e }: { e: TExecutionDetail }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {e.webhook && (
        <li className="timeline-item">
          <div className="timeline-head">
            <strong>trigger</strong>{' '}
            <Link to="/webhooks/$id" params={{ id: e.webhook.id }}>
              {e.webhook.eventType}
            </Link>{' '}
            <span className="muted small">
              {e.webhook.source} · {formatDateTime(e.webhook.receivedAt)}
            </span>
          </div>
        </li>
      )}
      {e.steps.map((s) => (
        <StepItem key={s.id} step={s} />
      ))}
    </ol>
  );
}

export function ExecutionDetailPage() {
  const { id } = route.useParams();
  const isAdmin = useIsAdmin();
  const live = useExecutionUpdates(id);
  const query = useQuery({
    ...trpc.executions.get.queryOptions({ id }),
    // Live updates come over SSE; a slow poll covers a dropped connection.
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? (live === 'pending' ? 15_000 : 2000) : false),
  });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/executions">Executions</Link> / {id}
      </p>
      <QueryState query={query} what="The execution" procedure="executions.get">
        {(e) => (
          <>
            <div className="page-header">
              <h1>
                Execution <StatusBadge status={e.status} />
              </h1>
              {isAdmin && <CancelExecution e={e} />}
            </div>
            <dl className="facts">
              <dt>Flow</dt>
              <dd>
                <Link to="/flows/$flowId" params={{ flowId: e.flowId }}>
                  {e.flowName ?? e.flowId}
                </Link>
                {e.version !== null && ` (version ${e.version})`}
              </dd>
              {e.status === 'waiting' && (
                <>
                  <dt>Resumes</dt>
                  <dd>{formatDateTime(e.runAfter)}</dd>
                </>
              )}
              <CancelFacts e={e} />
              <dt>Attempts</dt>
              <dd>{e.attempts}</dd>
              <dt>Created</dt>
              <dd>{formatDateTime(e.createdAt)}</dd>
              <dt>Finished</dt>
              <dd>{formatDateTime(e.finishedAt)}</dd>
              {e.retryOf && (
                <>
                  <dt>Retry of</dt>
                  <dd>
                    <Link to="/executions/$id" params={{ id: e.retryOf }}>
                      {e.retryOf}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
            {e.error !== null && e.error !== undefined && (
              <p className="error-text" role="alert">
                {executionErrorText(e.error)}
              </p>
            )}
            <h2>Timeline</h2>
            <Timeline e={e} />
            {isAdmin && !ACTIVE.has(e.status) && (
              <section aria-labelledby="retry-title">
                <h2 id="retry-title">{somethingFailed(e.status) ? 'Retry' : 'Run again'}</h2>
                <RetryForm executionId={e.id} fromFailedStep={somethingFailed(e.status)} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
