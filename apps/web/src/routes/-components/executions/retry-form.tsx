import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';

import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TRouterInputs } from '../../../trpc/types';

type TRetryInput = TRouterInputs['executions']['retry'];

/** A succeeded or filtered run has no failed step to retry from (the API refuses it); it can only run again. */
export const somethingFailed = (status: string) => status !== 'succeeded' && status !== 'filtered';

/**
 * Retries a finished execution from its failed step (reusing succeeded steps) or from the start. With
 * `fromFailedStep` false (nothing failed), only running it again from the start is offered.
 */
export function RetryForm({ executionId, fromFailedStep }: { executionId: string; fromFailedStep: boolean }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState<NonNullable<TRetryInput['from']>>(fromFailedStep ? 'failed_step' : 'start');
  const [version, setVersion] = useState<NonNullable<TRetryInput['version']>>('same');
  const retry = useMutation(
    trpc.executions.retry.mutationOptions({ onSuccess: (r) => void navigate({ to: '/executions/$id', params: { id: r.id } }) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    retry.mutate({ id: executionId, from, version });
  };

  return (
    <form className="retry-form" onSubmit={submit} aria-label={fromFailedStep ? 'Retry execution' : 'Run execution again'}>
      {fromFailedStep ? (
        <fieldset>
          <legend>Retry from</legend>
          <label>
            <input type="radio" name="retry-from" checked={from === 'failed_step'} onChange={() => setFrom('failed_step')} /> the failed
            step (succeeded steps are reused, never re-sent)
          </label>
          <label>
            <input type="radio" name="retry-from" checked={from === 'start'} onChange={() => setFrom('start')} /> the start
          </label>
        </fieldset>
      ) : (
        <p className="muted">Nothing failed in this run. It can run again from the start, as a new execution for the same event.</p>
      )}
      <fieldset>
        <legend>Flow version</legend>
        <label>
          <input type="radio" name="retry-version" checked={version === 'same'} onChange={() => setVersion('same')} /> the version it ran
        </label>
        <label>
          <input type="radio" name="retry-version" checked={version === 'current'} onChange={() => setVersion('current')} /> the current
          version
        </label>
      </fieldset>
      <button type="submit" className="button primary" disabled={retry.isPending}>
        {retry.isPending ? 'Starting…' : fromFailedStep ? 'Retry execution' : 'Run again from the start'}
      </button>
      {retry.isError && (
        <p role="alert" className="error-text">
          {errorMessage(retry.error)}
        </p>
      )}
    </form>
  );
}
