import { looksLikeJwt } from './jwt-claims';

export const REFRESH_ACTION = 'refreshAddonToken';

/** The message that asks Clockify (the parent window) for a fresh user token. */
export function refreshRequest(): string {
  return JSON.stringify({ action: REFRESH_ACTION });
}

function asRecord(data: unknown): Record<string, unknown> | null {
  if (typeof data === 'string') {
    try {
      return asRecord(JSON.parse(data));
    } catch {
      return null;
    }
  }

  return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
}

/**
 * Clockify answers `refreshAddonToken` with a window message whose `title` (or `action`) names it and whose
 * `body` (or `payload`/`token`) is the new token; the data may arrive as an object or as JSON text.
 * Returns the token, or null for any other message.
 */
export function parseTokenMessage(data: unknown): string | null {
  const message = asRecord(data);
  if (!message) {
    return null;
  }
  const name = message.title ?? message.action ?? message.type;
  if (name !== REFRESH_ACTION) {
    return null;
  }
  const candidates = [message.body, message.payload, message.token, asRecord(message.body)?.token, asRecord(message.payload)?.token];
  const token = candidates.find((c): c is string => typeof c === 'string' && looksLikeJwt(c.trim()));

  return token?.trim() ?? null;
}

/** Clockify's own origins (any region) or our own origin (tests that embed the app). */
export function isTrustedParentOrigin(origin: string, ownOrigin: string): boolean {
  return origin === ownOrigin || /^https:\/\/([a-z0-9-]+\.)*clockify\.me$/i.test(origin);
}
