/** Per-source inbound limit (per process): a fixed one-minute window per source, answered with Retry-After. */
export function createSourceRateLimit() {
  const windows = new Map<string, { start: number; count: number }>();

  return function take(sourceId: string, perMinute: number, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const start = now - (now % 60_000);
    let w = windows.get(sourceId);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      windows.set(sourceId, w);
      if (windows.size > 50_000) windows.clear();
    }
    if (w.count >= perMinute) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + 60_000 - now) / 1000)) };
    }
    w.count++;

    return { ok: true };
  };
}
