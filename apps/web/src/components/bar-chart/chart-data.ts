export type TPerHour = { hour: number; eventType: string; count: number };
export type TChartData = {
  /** Start of each hour bucket (ms), oldest first, without gaps. */
  hours: number[];
  /** Event types by total, the largest first; the rest folded into "Other". */
  series: string[];
  /** counts[hourIndex][seriesIndex] */
  counts: number[][];
  maxTotal: number;
  total: number;
};

const HOUR = 3_600_000;
export const OTHER = 'Other';

/** Buckets webhooks.stats rows into a gap-free hour × event-type matrix for a stacked bar chart. */
export function buildChartData(rows: TPerHour[], opts: { since: number; now: number; maxSeries?: number }): TChartData {
  const maxSeries = opts.maxSeries ?? 6;
  const first = Math.floor(opts.since / HOUR) * HOUR;
  const last = Math.floor(opts.now / HOUR) * HOUR;
  const hours: number[] = [];
  for (let h = first; h <= last; h += HOUR) hours.push(h);

  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.eventType, (totals.get(r.eventType) ?? 0) + r.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const fold = ranked.length > maxSeries;
  const series = fold ? [...ranked.slice(0, maxSeries - 1), OTHER] : ranked;
  const seriesIndex = new Map(series.map((s, i) => [s, i]));

  const counts = hours.map(() => series.map(() => 0));
  for (const r of rows) {
    const hi = Math.round((Math.floor(r.hour / HOUR) * HOUR - first) / HOUR);
    const si = seriesIndex.get(r.eventType) ?? seriesIndex.get(OTHER);
    const row = counts[hi];
    if (row === undefined || si === undefined) continue;
    row[si] = (row[si] ?? 0) + r.count;
  }
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));

  return { hours, series, counts, maxTotal: Math.max(0, ...rowTotals), total: rowTotals.reduce((a, b) => a + b, 0) };
}

/** A "nice" axis maximum (2, 4, 6, 8 or 10 × 10^n, at least 2) at or above the value: its half is a whole number too. */
export function niceMax(value: number): number {
  if (value <= 2) return 2;
  const exp = 10 ** Math.floor(Math.log10(value));
  const step = [2, 4, 6, 8, 10].find((m) => m * exp >= value) ?? 10;

  return step * exp;
}
