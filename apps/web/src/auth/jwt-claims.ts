/** The claims the SPA reads from a token. It never verifies them: the server does. */
export type TTokenClaims = {
  exp?: number;
  workspaceId?: string;
  user?: string;
  sub?: string;
  workspaceRole?: string;
  backendUrl?: string;
  theme?: string;
  language?: string;
};

function decodeBase64Url(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));

  return new TextDecoder().decode(bytes);
}

export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The payload of a JWT, or null when it is not one. */
export function decodeClaims(token: string): TTokenClaims | null {
  if (!looksLikeJwt(token)) {
    return null;
  }
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(token.split('.')[1] ?? ''));

    return payload && typeof payload === 'object' ? (payload as TTokenClaims) : null;
  } catch {
    return null;
  }
}

/** When to ask for a fresh token: `marginMs` before `exp` (never sooner than `minMs`); null without exp. */
export function refreshDelayMs(
  claims: TTokenClaims | null,
  now: number,
  { marginMs = 5 * 60_000, minMs = 10_000 }: { marginMs?: number; minMs?: number } = {},
): number | null {
  if (!claims?.exp) {
    return null;
  }

  return Math.max(minMs, claims.exp * 1000 - now - marginMs);
}

export function isExpired(claims: TTokenClaims | null, now: number): boolean {
  return Boolean(claims?.exp && claims.exp * 1000 <= now);
}
