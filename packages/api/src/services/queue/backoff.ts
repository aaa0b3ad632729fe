/**
 * Delay before attempt `attempt + 1` of a step: exponential from 1 s with ±30 % jitter, capped at 5 min;
 * a server's Retry-After wins when longer, itself capped at one hour.
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random = Math.random): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(base * (0.7 + 0.6 * random()));

  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 3_600_000));
}
