export const REDACTED = '[REDACTED]';

/** Whole names (after lower-casing and dropping `-`, `_`, `.`) that hold secrets. */
const SECRET_NAMES = new Set(['authorization', 'cookie', 'setcookie', 'credentials', 'passwd', 'pwd']);
/** Endings that make a name secret: `authToken`, `x-api-key`, `client_secret`, `privateKey`, `refreshTokens`… */
const SECRET_ENDINGS = /(token|secret|password|apikey|privatekey)s?$/;

/** Whether a field or header of this name carries a credential (case, `-`, `_` and `.` ignored). */
export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[-_.\s]/g, '');

  return SECRET_NAMES.has(name) || SECRET_ENDINGS.test(name);
}

/**
 * A copy of `value` with token-like fields masked at any depth (strings, numbers, objects; booleans and
 * nulls say nothing and stay), and, when `token` is given, that token replaced wherever it appears in a
 * string. The one scrubber for everything recorded or shown of Clockify and HTTP calls: the explorer's
 * answers and history, and the execution journal.
 */
export function scrubSecrets<T>(value: T, token: string | null = null, depth = 0): T {
  if (typeof value === 'string') {
    return (token && value.includes(token) ? value.split(token).join(REDACTED) : value) as T;
  }
  if (!value || typeof value !== 'object' || depth > 64) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubSecrets(item, token, depth + 1)) as T;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const masked = item !== null && item !== undefined && typeof item !== 'boolean' && isSecretKey(key);
    out[key] = masked ? REDACTED : scrubSecrets(item, token, depth + 1);
  }

  return out as T;
}
