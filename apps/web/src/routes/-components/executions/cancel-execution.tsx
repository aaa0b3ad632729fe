import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../components/format';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import type { TExecutionDetail } from '../../../trpc/types';

/** Statuses a cancel applies to: ended at once (queued, waiting, a retry queued) or at the next step (running). */
export const CANCELLABLE = new Set(['queued', 'waiting', 'running']);

/** Who cancelled and when, as the facts list shows it; a running one asked to stop says it is stopping. */
export function CancelFacts({ e }: { e: TExecutionDetail }) {
  if (!e.cancel) return null;

  return (
    <>
      <dt>{e.status === 'running' ? 'Cancelling' : 'Cancelled'}</dt>
      <dd>
        {e.cancel.reason} · {formatDateTime(e.cancel.at)}
        {e.status === 'running' && <span className="muted small"> (stops after its current step)</span>}
      </dd>
    </>
  );
}

/** The Cancel button of a queued, waiting or running execution, behind a confirmation. */
export function CancelExecution({ e }: { e: TExecutionDetail }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useMutation(
    trpc.executions.cancel.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.executions.get.queryKey({ id: e.id }) }),
    }),
  );
  if (!CANCELLABLE.has(e.status) || (e.status === 'running' && e.cancel)) return null;

  return (
    <>
      <button type="button" className="button danger" disabled={cancel.isPending} onClick={() => setAsking(true)}>
        {cancel.isPending ? 'Cancelling…' : 'Cancel execution'}
      </button>
      {cancel.error && (
        <p role="alert" className="error-text">
          {errorMessage(cancel.error)}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title="Cancel this execution?"
        confirmLabel="Cancel execution"
        danger
        onConfirm={() => {
          setAsking(false);
          cancel.mutate({ id: e.id });
        }}
        onCancel={() => setAsking(false)}
      >
        {e.status === 'running'
          ? 'It stops after the step it is running: that step finishes, nothing after it is sent.'
          : 'It ends now and sends nothing more. Steps it already ran stay in its timeline.'}
      </ConfirmDialog>
    </>
  );
}
