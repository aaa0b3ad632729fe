import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import { useIsAdmin } from '../../../auth/auth-store';
import { formatBytes, formatDateTime } from '../../../components/format';
import { StatusBadge } from '../../../components/status-badge';
import { useSourceNames } from '../../../hooks/use-source-names';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TWebhookDetail } from '../../../trpc/types';
import { HeadersTable } from '../headers-table';
import { hasActiveExecutions, useWebhookUpdates } from './use-webhook-updates';
import { WebhookBody } from './webhook-body';

const route = getRouteApi('/webhooks/$id');

function ReplayButton({ webhook }: { webhook: TWebhookDetail }) {
  const queryClient = useQueryClient();
  // The executions table shows the queued runs at once; their outcomes follow over executions.live.
  const replay = useMutation(
    trpc.webhooks.replay.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey({ id: webhook.id }) }),
    }),
  );
  if (webhook.outcome === 'rejected') {
    return <p className="muted">A rejected webhook cannot be replayed: its payload was never trusted.</p>;
  }

  return (
    <div className="replay">
      <button type="button" className="button primary" disabled={replay.isPending} onClick={() => replay.mutate({ id: webhook.id })}>
        {replay.isPending ? 'Replaying…' : 'Replay'}
      </button>
      <div role="status">
        {replay.isSuccess &&
          (replay.data.queued === 0 ? (
            'No enabled flow matches this webhook now: nothing was queued.'
          ) : (
            <>
              Queued {replay.data.queued} execution{replay.data.queued === 1 ? '' : 's'}:{' '}
              {replay.data.executionIds.map((id) => (
                <Link key={id} to="/executions/$id" params={{ id }} className="inline-link">
                  {id}
                </Link>
              ))}
            </>
          ))}
      </div>
      {replay.isError && (
        <p role="alert" className="error-text">
          {errorMessage(replay.error)}
        </p>
      )}
    </div>
  );
}

export function WebhookDetailPage() {
  const { id } = route.useParams();
  const live = useWebhookUpdates(id);
  const { data: w } = useSuspenseQuery({
    ...trpc.webhooks.get.queryOptions({ id }),
    // Live updates come over SSE; a poll covers a dropped connection while runs are still going.
    refetchInterval: (q) => (hasActiveExecutions(q.state.data) ? (live === 'pending' ? 15_000 : 2000) : false),
  });
  const isAdmin = useIsAdmin();
  const names = useSourceNames();

  return (
    <>
      <p className="breadcrumb">
        <Link to="/webhooks">Webhooks</Link> / {w.id}
      </p>
      <div className="page-header">
        <h1>
          {w.eventType}
          {w.source === 'custom' && w.sourceId && <span className="muted small"> from {names.get(w.sourceId) ?? w.sourceId}</span>}
        </h1>
        {isAdmin && <ReplayButton webhook={w} />}
      </div>
      <dl className="facts">
        <dt>Outcome</dt>
        <dd>
          <StatusBadge status={w.outcome} /> {w.reason}
        </dd>
        <dt>Source</dt>
        <dd>{w.source === 'custom' ? `Custom source ${w.sourceId ? (names.get(w.sourceId) ?? w.sourceId) : ''}` : 'Clockify'}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(w.receivedAt)}</dd>
        <dt>Signature</dt>
        <dd>{w.signature}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(w.sizeBytes)}</dd>
        {w.dedupKey && (
          <>
            <dt>Delivery id</dt>
            <dd>
              <code>{w.dedupKey}</code>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="executions-title">
        <h2 id="executions-title">Executions {live === 'pending' && <span className="badge badge-info">live</span>}</h2>
        {w.executions.length === 0 ? (
          <p className="muted">No flow ran for this webhook.</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Execution</th>
                <th scope="col">Flow</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {w.executions.map((e) => (
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
                  <td>{formatDateTime(e.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <WebhookBody webhook={w} />
      <section aria-labelledby="headers-title">
        <h2 id="headers-title">Headers</h2>
        <HeadersTable headers={w.headers} caption="Request headers" />
      </section>
    </>
  );
}
