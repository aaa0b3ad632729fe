import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';

import { authStore, useAuth } from './auth/auth-store';
import { isEmbedded, startClockifyTokenRefresh } from './auth/clockify-bridge';
import { clearDevSession, loadDevSession } from './auth/dev-session';
import { sessionFromClockifyToken } from './auth/session';
import { consumeTokenFromLocation } from './auth/url-token';
import { router } from './router';
import { MemberHome } from './member-home';
import { SignIn } from './sign-in';
import { queryClient } from './trpc/client';

/**
 * Runs once before the first render: takes Clockify's token out of the URL into memory; without one, outside
 * Clockify's frame, restores this tab's development-login session (a reload keeps it; Clockify tokens are never stored).
 */
export function bootAuth(): void {
  const token = consumeTokenFromLocation();
  if (token) {
    clearDevSession();
    authStore.signIn(sessionFromClockifyToken(token));
  } else if (!isEmbedded()) {
    const dev = loadDevSession();
    if (dev) authStore.signIn(dev);
  }
  authStore.subscribe(() => {
    if (authStore.get().session?.via !== 'dev') clearDevSession();
  });
}

export function App() {
  const { session } = useAuth();
  const signedIn = session !== null;
  const via = session?.via;
  useEffect(() => (via === 'clockify' && isEmbedded() ? startClockifyTokenRefresh() : undefined), [via]);
  useEffect(() => {
    if (!signedIn) queryClient.clear();
  }, [signedIn]);
  if (!signedIn) return <SignIn />;

  return (
    <QueryClientProvider client={queryClient}>
      {session.role === 'admin' ? <RouterProvider router={router} /> : <MemberHome />}
    </QueryClientProvider>
  );
}
