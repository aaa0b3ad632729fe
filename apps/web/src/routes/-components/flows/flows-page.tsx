import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';

import { useIsAdmin } from '../../../auth/auth-store';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { useFlowStopper } from './use-flow-stopper';
import { ImportFlowButton, type TImportResult } from './import-flow-dialog';
import { ImportNotice } from './import-notice';
import { useFlowFileActions } from './use-flow-file-actions';

export function FlowsPage() {
  const isAdmin = useIsAdmin();
  const query = useQuery(trpc.flows.list.queryOptions());
  const stopper = useFlowStopper();
  const files = useFlowFileActions();
  const [imported, setImported] = useState<TImportResult | null>(null);
  const failed = stopper.error ?? files.error;

  return (
    <>
      <div className="page-header">
        <h1>Flows</h1>
        {isAdmin && (
          <div className="actions">
            <ImportFlowButton onImported={setImported} />
            <Link to="/flows/new" className="button primary">
              New flow
            </Link>
          </div>
        )}
      </div>
      {imported && <ImportNotice result={imported} onDismiss={() => setImported(null)} />}
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
                          <input type="checkbox" checked={f.enabled} onChange={() => stopper.toggle(f)} />{' '}
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
                        <div className="actions">
                          <button
                            type="button"
                            className="button small"
                            disabled={files.downloading === f.id}
                            aria-label={`Download ${f.name}`}
                            onClick={() => files.download(f)}
                          >
                            {files.downloading === f.id ? 'Downloading…' : 'Download'}
                          </button>
                          <button
                            type="button"
                            className="button small"
                            disabled={files.duplicating === f.id}
                            aria-label={`Duplicate ${f.name}`}
                            onClick={() => files.duplicate(f)}
                          >
                            {files.duplicating === f.id ? 'Duplicating…' : 'Duplicate'}
                          </button>
                          <button type="button" className="button small danger" onClick={() => stopper.remove(f)}>
                            Delete {f.name}
                          </button>
                        </div>
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
