import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';

import { useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { useFlowStopper } from './use-flow-stopper';

export function FlowsPage() {
  const isAdmin = useIsAdmin();
  const query = useQuery(trpc.flows.list.queryOptions());
  const stopper = useFlowStopper();
  const failed = stopper.error;

  return (
    <>
      <div className="page-header">
        <h1>Flows</h1>
        {isAdmin && (
          <Link to="/flows/new" className="button primary">
            New flow
          </Link>
        )}
      </div>
      {stopper.notice && (
        <p role="status" className="muted">
          {stopper.notice}
        </p>
      )}
      {failed && (
        <p role="alert" className="error-text">
          {errorMessage(failed)}
        </p>
      )}
      <QueryState query={query} what="Flows" procedure="flows.list">
        {(flows) =>
          flows.length === 0 ? (
            <Empty>No flow yet. {isAdmin && <Link to="/flows/new">Create one, or start from a template</Link>}</Empty>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Enabled</th>
                  <th scope="col" className="num">
                    Version
                  </th>
                  <th scope="col">Last run</th>
                  <th scope="col">Updated</th>
                  {isAdmin && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {flows.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link to="/flows/$flowId" params={{ flowId: f.id }}>
                        {f.name}
                      </Link>
                      {f.description && <div className="muted small">{f.description}</div>}
                    </th>
                    <td>
                      {isAdmin ? (
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={f.enabled}
                            onChange={() => stopper.toggle(f)}
                          />{' '}
                          <span className="visually-hidden">Enable {f.name}</span>
                          {f.enabled ? 'on' : 'off'}
                        </label>
                      ) : f.enabled ? (
                        'on'
                      ) : (
                        'off'
                      )}
                    </td>
                    <td className="num">{f.currentVersion}</td>
                    <td>
                      {f.lastRunStatus ? <StatusBadge status={f.lastRunStatus} /> : <span className="muted">never</span>}{' '}
                      {formatDateTime(f.lastRunAt)}
                    </td>
                    <td>{formatDateTime(f.updatedAt)}</td>
                    {isAdmin && (
                      <td>
                        <button type="button" className="button small danger" onClick={() => stopper.remove(f)}>
                          Delete {f.name}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {stopper.dialog}
    </>
  );
}
