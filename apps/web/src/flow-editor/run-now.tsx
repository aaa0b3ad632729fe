import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';

import { trpc } from '../trpc/client';
import { errorMessage } from '../trpc/errors';

type TRunNowProps = { flowId: string; dirty: boolean; payload: unknown };

/** A manual trigger's Run button (flows.run on the saved version, the chosen test event's payload as its payload). */
export function RunNow({ flowId, dirty, payload }: TRunNowProps) {
  const run = useMutation(trpc.flows.run.mutationOptions());

  return (
    <div className="run-now" role="group" aria-label="Run the saved flow">
      <button
        type="button"
        className="button small"
        disabled={dirty || run.isPending}
        title={dirty ? 'save first: a run uses the saved version' : 'queue a run of the saved version now'}
        onClick={() => run.mutate({ id: flowId, ...(payload === undefined ? {} : { sample: payload }) })}
      >
        {run.isPending ? 'Starting…' : 'Run now'}
      </button>
      {dirty && <span className="muted small"> save first: a run uses the saved version</span>}
      {run.data && (
        <span role="status" className="small">
          {' '}
          Queued:{' '}
          <Link to="/executions/$id" params={{ id: run.data.executionId }}>
            the run
          </Link>
        </span>
      )}
      {run.error && (
        <span role="alert" className="error-text small">
          {' '}
          Not started: {errorMessage(run.error)}
        </span>
      )}
    </div>
  );
}
