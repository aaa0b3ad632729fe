import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ConfirmDialog } from '../../../components/confirm-dialog';
import { trpc } from '../../../trpc/client';
import type { TFlowSummary } from '../../../trpc/types';

type TStop = { flow: TFlowSummary; action: 'disable' | 'delete' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a disable or delete did to the flow's executions, as one sentence. */
function stoppedText(name: string, verb: string, r: { cancelled: number; cancelling: number }) {
  const parts = [
    r.cancelled > 0 && `${plural(r.cancelled, 'execution')} cancelled`,
    r.cancelling > 0 && `${r.cancelling} stopping after their current step`,
  ];
  const said = parts.filter(Boolean).join(', ');

  return `${name} ${verb}${said ? `: ${said}` : ''}.`;
}

/**
 * Turning a flow off and deleting it, each behind a confirmation that asks whether its queued, waiting and
 * retrying executions are cancelled (the default) or left to finish. Turning a flow on needs no confirmation.
 */
export function useFlowStopper() {
  const queryClient = useQueryClient();
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const setEnabled = useMutation(trpc.flows.setEnabled.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.flows.delete.mutationOptions({ onSuccess: invalidate }));
  const [pending, setPending] = useState<TStop | null>(null);
  const [cancelRunning, setCancelRunning] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const ask = (stop: TStop) => {
    setCancelRunning(true);
    setNotice(null);
    setPending(stop);
  };
  const confirm = () => {
    if (!pending) return;
    const { flow, action } = pending;
    setPending(null);
    if (action === 'delete')
      remove.mutate({ id: flow.id, cancelRunning }, { onSuccess: (r) => setNotice(stoppedText(flow.name, 'deleted', r)) });
    else
      setEnabled.mutate(
        { id: flow.id, enabled: false, cancelRunning },
        { onSuccess: (r) => setNotice(stoppedText(flow.name, 'disabled', r)) },
      );
  };
  const deleting = pending?.action === 'delete';
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={`${deleting ? 'Delete' : 'Disable'} ${pending?.flow.name ?? ''}?`}
      confirmLabel={deleting ? 'Delete flow' : 'Disable flow'}
      danger={deleting}
      onConfirm={confirm}
      onCancel={() => setPending(null)}
    >
      <p>
        {deleting
          ? 'It stops running at once. Its past executions stay in the log.'
          : 'New events no longer start it until you enable it again.'}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={cancelRunning} onChange={(e) => setCancelRunning(e.target.checked)} /> Cancel its queued, waiting
        and retrying executions (a running one stops after its current step)
      </label>
      {!cancelRunning && <p className="muted small">Its executions already started or queued run to their end.</p>}
    </ConfirmDialog>
  );

  return {
    /** The enable checkbox: on at once, off after the confirmation. */
    toggle: (flow: TFlowSummary) => (flow.enabled ? ask({ flow, action: 'disable' }) : setEnabled.mutate({ id: flow.id, enabled: true })),
    remove: (flow: TFlowSummary) => ask({ flow, action: 'delete' }),
    dialog,
    notice,
    error: setEnabled.error ?? remove.error,
  };
}
