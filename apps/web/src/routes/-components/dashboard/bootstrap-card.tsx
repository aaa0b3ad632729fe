import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';

import { useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TBootstrapView } from '../../../trpc/types';
import { ClockifyButton } from './clockify-button';

const RUNNING = new Set(['pending', 'running']);

function Progress({ status }: { status: TBootstrapView }) {
  const percent = Math.round(status.progress * 100);

  return (
    <div className="progress-block">
      <label htmlFor="bootstrap-progress">
        {status.opsDone} of {status.opsTotal} steps ({percent}%) · {status.pages} pages · {status.entities.toLocaleString()} entities
      </label>
      <progress id="bootstrap-progress" max={1} value={status.progress} />
      {status.current && (
        <p className="muted small">
          Now: <code>{status.current.operationId}</code> page {status.current.page}
          {status.etaAt && ` · done around ${formatDateTime(status.etaAt)}`}
        </p>
      )}
    </div>
  );
}

function Errors({ errors }: { errors: TBootstrapView['errors'] }) {
  if (errors.length === 0) return null;

  return (
    <details>
      <summary>
        {errors.length} failed {errors.length === 1 ? 'step' : 'steps'}
      </summary>
      <ul className="small">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.operationId}</code>: {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function BootstrapCard() {
  const queryClient = useQueryClient();
  const isAdmin = useIsAdmin();
  const query = useQuery(trpc.bootstrap.status.queryOptions());
  const live = useSubscription(
    trpc.bootstrap.progress.subscriptionOptions(undefined, {
      onData: (s) => queryClient.setQueryData(trpc.bootstrap.status.queryKey(), s),
    }),
  );
  const trigger = useMutation(
    trpc.bootstrap.trigger.mutationOptions({ onSuccess: (r) => queryClient.setQueryData(trpc.bootstrap.status.queryKey(), r.status) }),
  );

  return (
    <section className="card" aria-labelledby="bootstrap-title">
      <h2 id="bootstrap-title">Data bootstrap</h2>
      <QueryState query={query} what="Bootstrap status" procedure="bootstrap.status">
        {(status) => (
          <>
            <p>
              <StatusBadge status={status.status} /> {live.status === 'pending' && <span className="badge badge-info">live</span>}
            </p>
            {(RUNNING.has(status.status) || status.opsTotal > 0) && <Progress status={status} />}
            <dl className="facts">
              <dt>Started</dt>
              <dd>{formatDateTime(status.startedAt)}</dd>
              <dt>Finished</dt>
              <dd>{formatDateTime(status.finishedAt)}</dd>
            </dl>
            <Errors errors={status.errors} />
            {isAdmin && (
              <ClockifyButton
                className="button"
                disabled={status.active || trigger.isPending}
                onClick={() => trigger.mutate({ restart: !RUNNING.has(status.status) })}
              >
                {trigger.isPending ? 'Starting…' : RUNNING.has(status.status) ? 'Resume bootstrap' : 'Run bootstrap now'}
              </ClockifyButton>
            )}
            {trigger.data && !trigger.data.started && (
              <p role="status" className="warning-text">
                Not started: {trigger.data.reason}
              </p>
            )}
            {trigger.isError && (
              <p role="alert" className="error-text">
                {errorMessage(trigger.error)}
              </p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
