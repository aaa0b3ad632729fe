import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';

import { authStore, useAuth } from './auth/auth-store';
import { isEmbedded, startClockifyTokenRefresh } from './auth/clockify-bridge';
import { sessionFromClockifyToken } from './auth/session';
import { consumeTokenFromLocation } from './auth/url-token';
import { router } from './router';
import { MemberHome } from './member-home';
import { SignIn } from './sign-in';
import { queryClient } from './trpc/client';

/** Runs once before the first render: takes Clockify's token out of the URL into memory. */
export function bootAuth(): void {
  const token = consumeTokenFromLocation();
  if (token) authStore.signIn(sessionFromClockifyToken(token));
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
