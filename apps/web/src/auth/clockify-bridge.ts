import { authStore } from './auth-store';
import { decodeClaims, refreshDelayMs } from './jwt-claims';
import { sessionFromClockifyToken } from './session';
import { isTrustedParentOrigin, parseTokenMessage, refreshRequest } from './token-message';

const ANSWER_TIMEOUT_MS = 20_000;
const MAX_UNANSWERED = 3;

/** True inside Clockify's iframe (or any frame). */
export function isEmbedded(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** Asks Clockify for a fresh user token; the answer arrives as a window message. */
export function requestFreshToken(): void {
  window.top?.postMessage(refreshRequest(), '*');
}

/**
 * Keeps a Clockify session alive: asks for a fresh token 5 minutes before the current one expires, takes
 * the answer from the parent window, and signs out with a clear message when no answer comes before expiry.
 * Returns a stop function.
 */
export function startClockifyTokenRefresh(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unanswered = 0;

  const schedule = () => {
    clearTimeout(timer);
    const session = authStore.get().session;
    if (!session || session.via !== 'clockify') return;
    const delay = unanswered > 0 ? ANSWER_TIMEOUT_MS : refreshDelayMs(decodeClaims(session.token), Date.now());
    if (delay === null) return;
    timer = setTimeout(ask, delay);
  };

  const ask = () => {
    const session = authStore.get().session;
    if (session?.expiresAt && session.expiresAt <= Date.now() && unanswered >= MAX_UNANSWERED) {
      authStore.signOut('Your Clockify session expired and Clockify did not send a new one. Reload the page to continue.');

      return;
    }
    unanswered += 1;
    requestFreshToken();
    schedule();
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || !isTrustedParentOrigin(event.origin, window.location.origin)) return;
    const token = parseTokenMessage(event.data);
    if (!token) return;
    const next = sessionFromClockifyToken(token);
    const current = authStore.get().session;
    if (current?.workspaceId && next.workspaceId && current.workspaceId !== next.workspaceId) return;
    unanswered = 0;
    authStore.replaceToken(next);
    schedule();
  };

  window.addEventListener('message', onMessage);
  schedule();

  return () => {
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
  };
}
