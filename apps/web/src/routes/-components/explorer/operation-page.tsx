import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import { QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { MethodBadge } from './method-badge';
import { RequestPanel } from './request-panel';

const route = getRouteApi('/explorer/$operationId');

export function OperationPage() {
  const { operationId } = route.useParams();
  const query = useQuery({ ...trpc.explorer.operation.queryOptions({ operationId }), staleTime: 5 * 60_000 });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/explorer">API Explorer</Link> / {operationId}
      </p>
      <QueryState query={query} what="The operation" procedure="explorer.operation">
        {(op) => (
          <>
            <h1>
              <MethodBadge method={op.method} /> <code>{op.path}</code>
            </h1>
            <p className="lead">
              {op.summary} {op.deprecated && <span className="badge badge-warn">deprecated</span>}
            </p>
            {op.description && op.description !== op.summary && <p className="description">{op.description}</p>}
            <p className="muted small">
              Operation <code>{op.operationId}</code> · tag {op.tag} · {op.host === 'reports' ? 'Reports API' : 'Clockify API'}
            </p>
            {op.destructiveReason && (
              <p className="warning-text" role="note">
                {op.destructiveReason}.
              </p>
            )}
            {op.responses.length > 0 && (
              <details>
                <summary>Responses</summary>
                <ul>
                  {op.responses.map((r) => (
                    <li key={r.status}>
                      <strong>{r.status}</strong> {r.description}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <RequestPanel key={op.operationId} op={op} />
          </>
        )}
      </QueryState>
    </>
  );
}
