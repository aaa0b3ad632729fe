/**
 * Parses a `Retry-After` header: delay-seconds (`"2"`, `"1.5"`) or an HTTP date. Returns milliseconds
 * from `now` (never negative), or `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);

  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
