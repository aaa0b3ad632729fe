import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet } from '@tanstack/react-router';

import { authStore, useAuth } from '../auth/auth-store';
import { ErrorState } from '../components/states';
import type { TTrpc } from '../trpc/client';

export type TRouterContext = { queryClient: QueryClient; trpc: TTrpc };

const NAV = [
  { to: '/', label: 'Dashboard', exact: true },
  { to: '/webhooks', label: 'Webhooks', exact: false },
  { to: '/explorer', label: 'API Explorer', exact: false },
  { to: '/flows', label: 'Flows', exact: false },
  { to: '/executions', label: 'Executions', exact: false },
  { to: '/audit', label: 'Audit', exact: false },
  { to: '/settings', label: 'Settings', exact: false },
] as const;

function SessionInfo() {
  const { session, notice } = useAuth();
  if (!session) return null;

  return (
    <div className="session-info">
      <span>
        Workspace <code>{session.workspaceId ?? 'unknown'}</code> ·{' '}
        {session.role === 'admin' ? 'Admin' : 'Member (the add-on is for admins)'}
      </span>
      {session.via === 'dev' && (
        <>
          <span className="badge badge-warn" title={notice ?? undefined}>
            Development login
          </span>
          <button type="button" className="link-button" onClick={() => authStore.signOut()}>
            Sign out
          </button>
        </>
      )}
    </div>
  );
}

function RootLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-title">Universal Webhook</span>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeOptions={{ exact: item.exact }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SessionInfo />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}

export const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
  errorComponent: ({ error, reset }) => <ErrorState error={error} what="This page" onRetry={reset} />,
});
