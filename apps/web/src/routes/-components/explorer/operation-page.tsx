import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import type { TOperation } from '../../../trpc/types';
import { QueryState } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { MethodBadge } from './method-badge';
import { RequestPanel } from './request-panel';

const route = getRouteApi('/explorer/$operationId');

function schemaType(schema: unknown): string {
  const s = schema as { type?: string | string[]; enum?: unknown[]; format?: string } | undefined;
  if (!s) return '';
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? '');

  return s.enum ? `${type} (${s.enum.length} values)` : s.format ? `${type} (${s.format})` : type;
}

function Parameters({ op }: { op: TOperation }) {
  if (op.parameters.length === 0) return null;

  return (
    <table className="table compact">
      <caption className="visually-hidden">Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {op.parameters.map((p) => (
          <tr key={`${p.in}:${p.name}`}>
            <th scope="row">
              <code>{p.name}</code>
            </th>
            <td>{p.in}</td>
            <td>{schemaType(p.schema)}</td>
            <td>
              {p.required ? 'yes' : 'no'}
              {p.boundTo && <span className="muted small"> (set from your {p.boundTo})</span>}
            </td>
            <td>{p.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
            <Parameters op={op} />
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
