import { useQuery } from '@tanstack/react-query';

import { useAuth } from '../../../auth/auth-store';
import { QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';

export function InstallationCard() {
  const query = useQuery(trpc.settings.get.queryOptions());
  const { session } = useAuth();

  return (
    <section className="card" aria-labelledby="installation-title">
      <h2 id="installation-title">Installation</h2>
      <QueryState query={query} what="Installation status" procedure="settings.get">
        {(data) => (
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
            <dt>Workspace</dt>
            <dd>
              <code>{data.workspaceId}</code>
            </dd>
            <dt>Signed in via</dt>
            <dd>{session?.via === 'dev' ? 'Development login' : 'Clockify'}</dd>
          </dl>
        )}
      </QueryState>
    </section>
  );
}
