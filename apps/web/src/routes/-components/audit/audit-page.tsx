import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';

import { CursorPager } from '../../../components/cursor-pager';
import { formatDateTime } from '../../../components/format';
import { Empty, QueryState } from '../../../components/states';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { trpc } from '../../../trpc/client';
import type { TRouterOutputs } from '../../../trpc/types';
import { VersionDiff } from './version-diff';

type TEntry = TRouterOutputs['audit']['list']['items'][number];

const route = getRouteApi('/audit');

export const AUDIT_AREAS = [
  { value: 'flows.', label: 'Flows' },
  { value: 'executions.', label: 'Executions' },
  { value: 'webhooks.', label: 'Webhooks' },
  { value: 'sources.', label: 'Sources' },
  { value: 'keys.', label: 'Service keys' },
  { value: 'secrets.', label: 'Secrets' },
  { value: 'settings.', label: 'Settings (from Clockify)' },
  { value: 'installation.', label: 'Installation' },
  { value: 'bootstrap.', label: 'Bootstrap' },
] as const;

function Actor({ actor }: { actor: TEntry['actor'] }) {
  if (actor.kind === 'clockify') return <span>Clockify</span>;
  const label = actor.name ?? actor.id ?? 'unknown';
  if (actor.kind === 'service_key') return <span title={actor.id ?? undefined}>Service key {label}</span>;

  return <span title={actor.id ?? undefined}>{actor.kind === 'dev' ? `${label} (development login)` : label}</span>;
}

function Target({ entry }: { entry: TEntry }) {
  const id = entry.targetId;
  if (!id) return <span className="muted">—</span>;
  if (entry.targetType === 'flow' && entry.action !== 'flows.delete')
    return (
      <Link to="/flows/$flowId" params={{ flowId: id }}>
        flow
      </Link>
    );
  if (entry.targetType === 'execution')
    return (
      <Link to="/executions/$id" params={{ id }}>
        execution
      </Link>
    );
  if (entry.targetType === 'webhook')
    return (
      <Link to="/webhooks/$id" params={{ id }}>
        webhook
      </Link>
    );

  return <code className="small">{entry.targetType}</code>;
}

function Changes({ entry }: { entry: TEntry }) {
  const [open, setOpen] = useState(false);
  const { fromVersion, toVersion, changes } = entry.details as {
    fromVersion?: number;
    toVersion?: number;
    changes?: Record<string, { from: unknown; to: unknown }>;
  };
  if (changes && Object.keys(changes).length > 0) {
    return (
      <ul className="plain small">
        {Object.entries(changes).map(([id, c]) => (
          <li key={id}>
            <code>{id}</code>: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
          </li>
        ))}
      </ul>
    );
  }
  if (entry.targetId && typeof fromVersion === 'number' && typeof toVersion === 'number' && fromVersion !== toVersion) {
    return (
      <>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'} changes v{fromVersion} → v{toVersion}
        </button>
        {open && <VersionDiff flowId={entry.targetId} from={fromVersion} to={toVersion} />}
      </>
    );
  }

  return null;
}

export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const pages = useCursorPages({ cursor: search.cursor, go: (cursor) => void navigate({ search: (s) => ({ ...s, cursor }) }) });
  const query = useQuery({ ...trpc.audit.list.queryOptions({ ...search, limit: 50 }), placeholderData: keepPreviousData });

  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">
        Every change to flows, sources, keys and secrets, each retry, cancel and replay, and the settings Clockify sent, with who and when.
      </p>
      <div className="filters" role="group" aria-label="Filter the audit trail">
        <label>
          Area
          <select
            value={search.action ?? ''}
            onChange={(e) => {
              pages.reset();
              void navigate({ search: (s) => ({ ...s, action: e.target.value || undefined, cursor: undefined }) });
            }}
          >
            <option value="">Everything</option>
            {AUDIT_AREAS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {search.targetId && (
          <span>
            Showing one target <code>{search.targetId}</code>{' '}
            <Link to="/audit" search={{ action: search.action }} className="inline-link">
              show all
            </Link>
          </span>
        )}
      </div>
      <QueryState query={query} what="Audit trail" procedure="audit.list">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Empty>No change recorded{search.action || search.targetId ? ' for this filter' : ' yet'}.</Empty>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                      <th scope="col">Target</th>
                      <th scope="col">Changes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr key={e.id}>
                        <td>{formatDateTime(e.at)}</td>
                        <td>
                          <Actor actor={e.actor} />
                        </td>
                        <td>
                          {e.summary} <code className="small muted">{e.action}</code>
                        </td>
                        <td>
                          <Target entry={e} />
                        </td>
                        <td>
                          <Changes entry={e} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}
