/** Small statistics helpers for the benchmark. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));

  return sorted[i]!;
}

/** Counts per aligned wall-clock second. */
export function perSecond(times: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of times) out.set(Math.floor(t / 1000), (out.get(Math.floor(t / 1000)) ?? 0) + 1);

  return out;
}

/** Max in any aligned 1-s window, and the mean over the full seconds strictly between the first and the last. */
export function windowStats(times: number[]): { max: number; meanFull: number; fullSeconds: number } {
  const counts = perSecond(times);
  const seconds = [...counts.keys()].sort((a, b) => a - b);
  const max = Math.max(0, ...counts.values());
  if (seconds.length < 3) return { max, meanFull: Number.NaN, fullSeconds: 0 };
  const inner: number[] = [];
  for (let s = seconds[0]! + 1; s < seconds.at(-1)!; s++) inner.push(counts.get(s) ?? 0);

  return { max, meanFull: inner.reduce((a, b) => a + b, 0) / inner.length, fullSeconds: inner.length };
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);
