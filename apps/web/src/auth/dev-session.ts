import type { TSession } from './session';

/** sessionStorage key of a development-login session (this tab only; never used for Clockify tokens). */
export const DEV_SESSION_KEY = 'uw.devSession';
/** A session this close to its expiry is not restored (its first request would fail). */
const MARGIN_MS = 30_000;

type TStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Keeps a development-login session for this tab, so a reload does not sign out. Clockify sessions are never stored. */
export function saveDevSession(session: TSession, storage: TStorage = sessionStorage): void {
  if (session.via !== 'dev') return;
  storage.setItem(DEV_SESSION_KEY, JSON.stringify(session));
}

export function clearDevSession(storage: TStorage = sessionStorage): void {
  storage.removeItem(DEV_SESSION_KEY);
}

/** The stored development session, unless it is missing, malformed or (nearly) expired; a stale one is removed. */
export function loadDevSession(now = Date.now(), storage: TStorage = sessionStorage): TSession | null {
  const text = storage.getItem(DEV_SESSION_KEY);
  if (!text) return null;
  let session: TSession | null = null;
  try {
    const parsed = JSON.parse(text) as Partial<TSession>;
    const valid = parsed.via === 'dev' && typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number';
    session = valid && (parsed.expiresAt as number) - MARGIN_MS > now ? (parsed as TSession) : null;
  } catch {
    session = null;
  }
  if (!session) clearDevSession(storage);

  return session;
}
