export const REDACTED = '[REDACTED]';
export const HISTORY_RESPONSE_LIMIT_BYTES = 64 * 1024;

/** Keys whose values are secrets in Clockify's answers (e.g. each webhook's `authToken`). */
const SECRET_KEYS = /^(authToken|addonToken|x-addon-token|apiKey|x-api-key)$/i;

/**
 * A copy of `value` with the installation token replaced wherever it appears (strings, keys' values) and
 * secret-named fields masked, so nothing the explorer returns or stores can carry a token.
 */
export function scrubSecrets<T>(value: T, token: string | null, depth = 0): T {
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
    out[key] = SECRET_KEYS.test(key) && typeof item === 'string' ? REDACTED : scrubSecrets(item, token, depth + 1);
  }

  return out as T;
}

/** What the history keeps of a body: all of it up to 64 KB of JSON, else a truncated preview. */
export function boundedBody(body: unknown): { body: unknown } | { truncated: true; bytes: number; preview: string } {
  const text = JSON.stringify(body ?? null);
  const bytes = Buffer.byteLength(text);
  if (bytes <= HISTORY_RESPONSE_LIMIT_BYTES) {
    return { body: body ?? null };
  }

  return { truncated: true, bytes, preview: Buffer.from(text).subarray(0, HISTORY_RESPONSE_LIMIT_BYTES).toString('utf8') };
}
