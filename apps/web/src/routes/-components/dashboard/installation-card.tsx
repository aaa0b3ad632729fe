import { useMutation } from '@tanstack/react-query';

import { useAuth, useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { ClockifyButton } from './clockify-button';
import { useDashboard } from './use-dashboard';

function RepairWebhooks() {
  const repair = useMutation(trpc.installation.repairWebhooks.mutationOptions());

  return (
    <>
      <ClockifyButton className="button small" disabled={repair.isPending} onClick={() => repair.mutate()}>
        {repair.isPending ? 'Repairing…' : 'Repair webhook registrations'}
      </ClockifyButton>
      {repair.isSuccess && <p role="status">Webhook registrations checked and repaired.</p>}
      {repair.isError && (
        <p role="alert" className="error-text">
          {errorMessage(repair.error)}
        </p>
      )}
    </>
  );
}

export function InstallationCard() {
  const query = useDashboard();
  const { session } = useAuth();
  const isAdmin = useIsAdmin();

  return (
    <section className="card" aria-labelledby="installation-title">
      <h2 id="installation-title">Installation</h2>
      <QueryState query={query} what="Installation status" procedure="dashboard.get">
        {({ workspaceId, installation, subscriptions, catalogue }) =>
          !installation ? (
            <Empty>The add-on is not installed on this workspace.</Empty>
          ) : (
            <>
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={installation.status} />
                  {installation.status === 'ACTIVE' && !installation.connected && (
                    <span className="badge badge-warn"> no Clockify connection</span>
                  )}
                </dd>
                {installation.status === 'ACTIVE' && (
                  <>
                    <dt>Clockify connection</dt>
                    <dd>
                      {installation.connected ? (
                        "connected: Clockify calls use the add-on's token"
                      ) : (
                        <>
                          none (local development workspace): the explorer, Clockify actions and the bootstrap are refused.{' '}
                          <code>npm run demo</code> signs in to a simulated Clockify instead.
                        </>
                      )}
                    </dd>
                  </>
                )}
                <dt>Workspace</dt>
                <dd>
                  <code>{workspaceId}</code>
                </dd>
                <dt>Installed</dt>
                <dd>{formatDateTime(installation.installedAt)}</dd>
                <dt>Webhooks</dt>
                <dd>
                  {subscriptions.total} registered ({subscriptions.manifest} by the manifest, {subscriptions.api} through the API)
                </dd>
                <dt>API catalogue</dt>
                <dd>{catalogue.available ? 'loaded' : 'not loaded (the explorer and Clockify actions need it)'}</dd>
                <dt>Signed in via</dt>
                <dd>{session?.via === 'dev' ? 'Development login' : 'Clockify'}</dd>
              </dl>
              {isAdmin && installation.status !== 'DELETED' && <RepairWebhooks />}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
