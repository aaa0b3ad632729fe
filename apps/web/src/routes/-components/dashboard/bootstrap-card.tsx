import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import type { TBootstrapStatus } from '../../../api-contract/pending-types';
import { useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { errorMessage } from '../../../trpc/errors';
import { pendingMutation, pendingQuery, pendingQueryKey, pendingSubscribe } from '../../../trpc/pending';

const ACTIVE = new Set(['queued', 'running']);

/** Follows bootstrap.progress (SSE) while mounted; falls back to polling when the subscription is missing. */
function useLiveBootstrap(): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(
    () =>
      pendingSubscribe<TBootstrapStatus>('bootstrap.progress', undefined, {
        onData: (status) => {
          setLive(true);
          queryClient.setQueryData(pendingQueryKey('bootstrap.status', undefined), status);
        },
        onError: () => setLive(false),
      }),
    [queryClient],
  );

  return live;
}

function Progress({ status }: { status: TBootstrapStatus }) {
  const percent = status.total ? Math.min(100, Math.round((status.done / status.total) * 100)) : null;

  return (
    <div className="progress-block">
      <label htmlFor="bootstrap-progress">
        {status.total ? `${status.done} of ${status.total} requests (${percent}%)` : `${status.done} requests done`}
      </label>
      <progress id="bootstrap-progress" max={status.total ?? undefined} value={status.total ? status.done : undefined} />
      {status.current && <p className="muted">Now: {status.current}</p>}
    </div>
  );
}

export function BootstrapCard() {
  const live = useLiveBootstrap();
  const query = useQuery({
    ...pendingQuery<TBootstrapStatus>('bootstrap.status'),
    refetchInterval: (q) => (!live && q.state.data && ACTIVE.has(q.state.data.status) ? 3000 : false),
  });
  const queryClient = useQueryClient();
  const isAdmin = useIsAdmin();
  const trigger = useMutation({
    ...pendingMutation<Record<string, never>, TBootstrapStatus>('bootstrap.trigger'),
    onSuccess: (status) => queryClient.setQueryData(pendingQueryKey('bootstrap.status', undefined), status),
  });

  return (
    <section className="card" aria-labelledby="bootstrap-title">
      <h2 id="bootstrap-title">Data bootstrap</h2>
      <QueryState query={query} what="Bootstrap status" procedure="bootstrap.status">
        {(status) => (
          <>
            <p>
              <StatusBadge status={status.status} /> {live && <span className="badge badge-info">live</span>}
            </p>
            {(ACTIVE.has(status.status) || status.done > 0) && <Progress status={status} />}
            <dl className="facts">
              <dt>Started</dt>
              <dd>{formatDateTime(status.startedAt)}</dd>
              <dt>Finished</dt>
              <dd>{formatDateTime(status.finishedAt)}</dd>
            </dl>
            {status.error && <p className="error-text">{status.error}</p>}
            {isAdmin && (
              <button type="button" className="button" disabled={ACTIVE.has(status.status) || trigger.isPending} onClick={() => trigger.mutate({})}>
                {trigger.isPending ? 'Starting…' : 'Run bootstrap now'}
              </button>
            )}
            {trigger.isError && <p role="alert" className="error-text">{errorMessage(trigger.error)}</p>}
          </>
        )}
      </QueryState>
    </section>
  );
}
