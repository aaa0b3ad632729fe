import { useSyncExternalStore } from 'react';

import type { TSession } from './session';

/**
 * Kept in memory (never localStorage): a reload asks Clockify's URL again. Only a development-login session is also
 * kept in this tab's sessionStorage (`dev-session.ts`), so a reload keeps it.
 */
export type TAuthState = {
  session: TSession | null;
  /** Why there is no usable session (expired, refresh failed…), shown by the sign-in screen. */
  problem: string | null;
  notice: string | null;
};

let state: TAuthState = { session: null, problem: null, notice: null };
const listeners = new Set<() => void>();

function emit(next: TAuthState) {
  state = next;
  for (const l of listeners) l();
}

export const authStore = {
  get: () => state,
  token: () => state.session?.token ?? null,
  signIn(session: TSession, notice: string | null = null) {
    emit({ session, problem: null, notice });
  },
  /** A fresh token for the same session (Clockify refresh). */
  replaceToken(session: TSession) {
    emit({ ...state, session, problem: null });
  },
  signOut(problem: string | null = null) {
    emit({ session: null, problem, notice: null });
  },
  subscribe(listener: () => void) {
    listeners.add(listener);

    return () => {
      listeners.delete(listener);
    };
  },
};

export function useAuth(): TAuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.get, authStore.get);
}

export function useSession(): TSession {
  const { session } = useAuth();
  if (!session) {
    throw new Error('useSession() outside the signed-in app');
  }

  return session;
}

export function useIsAdmin(): boolean {
  return useAuth().session?.role === 'admin';
}
