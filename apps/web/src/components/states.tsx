import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { errorMessage, isForbidden, isMissingProcedure } from '../trpc/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** A feature whose server procedure is not deployed yet: say so plainly instead of failing. */
export function NotAvailable({ what, procedure }: { what: string; procedure: string }) {
  return (
    <div className="state state-unavailable" role="note">
      <strong>{what} is not available yet.</strong> This server does not offer <code>{procedure}</code>; it arrives with a later version.
    </div>
  );
}

/** What a workspace member sees where admins see data: the add-on's pages are for admins. */
export function AdminsOnly({ what, reason }: { what: string; reason?: string }) {
  return (
    <div className="state state-admins-only" role="note">
      <p>
        <strong>{what} is for workspace admins.</strong> Flows, executions and webhook logs can hold data and credentials of the whole
        workspace, so only owners and admins of this Clockify workspace see them. Ask an admin if you need something here.
      </p>
      {reason && <p className="muted small">{reason}</p>}
    </div>
  );
}

export function ErrorState({ error, onRetry, what = 'This' }: { error: unknown; onRetry?: () => void; what?: string }) {
  if (isForbidden(error)) return <AdminsOnly what={what} reason={errorMessage(error)} />;

  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{what} could not be loaded.</strong> {errorMessage(error)}
      </p>
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

type TQueryStateProps<T, E> = {
  query: UseQueryResult<T, E>;
  /** Shown while loading, and in error or "not available" messages. */
  what: string;
  /** The procedure behind the query: a missing one shows <NotAvailable>. */
  procedure?: string;
  children: (data: T) => ReactNode;
};

/** Loading, error (with the server's message), "admins only", "not available yet", then the data. */
export function QueryState<T, E>({ query, what, procedure, children }: TQueryStateProps<T, E>) {
  if (query.isPending) return <Loading label={`Loading ${what.toLowerCase()}…`} />;
  if (query.isError) {
    if (procedure && isMissingProcedure(query.error)) return <NotAvailable what={what} procedure={procedure} />;

    return <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} />;
  }

  return <>{children(query.data)}</>;
}
