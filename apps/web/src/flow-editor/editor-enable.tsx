import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';

import { trpc } from '../trpc/client';
import { errorMessage } from '../trpc/errors';

type TEnableProps = {
  canEdit: boolean;
  dirty: boolean;
  /** A test run was started in this editor session. */
  tested: boolean;
  onTest: () => void;
};

/**
 * The flow's lifecycle in the editor header: a new flow is saved disabled; once saved it is tested, then
 * enabled here (flows.update `enabled`). Enabling a flow that was never tested nor ever ran asks first.
 */
export function EnableControl({ canEdit, dirty, tested, onTest }: TEnableProps) {
  const { flowId } = useParams({ strict: false });
  const queryClient = useQueryClient();
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ id: flowId ?? '' }), enabled: flowId !== undefined });
  const [asking, setAsking] = useState(false);
  const toggle = useMutation(
    trpc.flows.update.mutationOptions({
      onSuccess: () => {
        setAsking(false);
        void queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
      },
    }),
  );
  if (!flowId) {
    return (
      <p className="flow-state">
        <span className="badge badge-muted">disabled</span>{' '}
        <span className="muted small">New flows are saved disabled: save, test, then enable.</span>
      </p>
    );
  }
  if (!flow.data) return null;
  const { enabled, lastRunAt } = flow.data;
  const setEnabled = (on: boolean) => toggle.mutate({ id: flowId, data: { enabled: on } });
  const askFirst = !tested && lastRunAt === null;

  return (
    <div className="flow-state">
      <span className={`badge ${enabled ? 'badge-ok' : 'badge-muted'}`}>{enabled ? 'enabled' : 'disabled'}</span>{' '}
      {!canEdit ? null : enabled ? (
        <button type="button" className="button" disabled={toggle.isPending} onClick={() => setEnabled(false)}>
          {toggle.isPending ? 'Disabling…' : 'Disable'}
        </button>
      ) : (
        <>
          <button
            type="button"
            className="button primary"
            disabled={toggle.isPending || dirty}
            title={dirty ? 'Save your changes first: enabling runs the saved version' : undefined}
            onClick={() => (askFirst ? setAsking(true) : setEnabled(true))}
          >
            {toggle.isPending ? 'Enabling…' : 'Enable'}
          </button>
          {dirty && <span className="muted small"> Save your changes first.</span>}
        </>
      )}
      {asking && !enabled && (
        <div role="alertdialog" aria-label="Enable an untested flow" className="confirm-inline">
          <p>This flow has never been tested. A test run evaluates it against a sample event and sends nothing.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setAsking(false);
              onTest();
            }}
          >
            Test first
          </button>{' '}
          <button type="button" className="button primary" onClick={() => setEnabled(true)}>
            Enable anyway
          </button>{' '}
          <button type="button" className="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
      {toggle.isError && (
        <p role="alert" className="error-text">
          {errorMessage(toggle.error)}
        </p>
      )}
    </div>
  );
}
