import { useQuery } from '@tanstack/react-query';

import { useSession } from './auth/auth-store';
import { AdminsOnly, QueryState } from './components/states';
import { trpc } from './trpc/client';

/**
 * What a workspace member who is not an admin gets instead of the app: the server answers FORBIDDEN to
 * every procedure that shows flows, executions or logs, so the pages are not even requested.
 */
export function MemberHome() {
  const session = useSession();
  const status = useQuery(trpc.installation.status.queryOptions());

  return (
    <main className="sign-in" id="main">
      <h1>Universal Webhook</h1>
      <p className="muted">
        Workspace <code>{session.workspaceId ?? 'unknown'}</code> · Member
      </p>
      <AdminsOnly what="This add-on" />
      <QueryState query={status} what="The installation">
        {(s) => (
          <p>
            The add-on is <strong>{s.status === 'ACTIVE' ? 'active' : s.status.toLowerCase()}</strong> on this workspace, receiving{' '}
            {s.webhooks.manifest + s.webhooks.api} kinds of Clockify events.
          </p>
        )}
      </QueryState>
    </main>
  );
}
