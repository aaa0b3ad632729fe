import { describe, expect, it } from 'vitest';

import { buildChartData, niceMax, OTHER } from './chart-data';

const H = 3_600_000;
const since = 100 * H + 1234;

describe('buildChartData', () => {
  it('fills every hour from since to now, without gaps', () => {
    const data = buildChartData([{ hour: 101 * H, eventType: 'A', count: 2 }], { since, now: 103 * H + 5 });

    expect(data.hours).toEqual([100 * H, 101 * H, 102 * H, 103 * H]);
    expect(data.counts).toEqual([[0], [2], [0], [0]]);
    expect(data.total).toBe(2);
    expect(data.maxTotal).toBe(2);
  });

  it('ranks event types by total and folds the rest into Other', () => {
    const rows = ['A', 'B', 'C', 'D'].map((eventType, i) => ({ hour: 100 * H, eventType, count: 10 - i }));
    const data = buildChartData(rows, { since, now: 100 * H, maxSeries: 3 });

    expect(data.series).toEqual(['A', 'B', OTHER]);
    expect(data.counts).toEqual([[10, 9, 15]]);
  });

  it('has no series and zero totals without data', () => {
    const data = buildChartData([], { since, now: since });

    expect(data).toMatchObject({ series: [], total: 0, maxTotal: 0 });
  });
});

describe('niceMax', () => {
  it('rounds up to an even step so the half-way line is a whole number', () => {
    expect([0, 1, 3, 5, 7, 12, 180, 501, 999].map(niceMax)).toEqual([2, 2, 4, 6, 8, 20, 200, 600, 1000]);
  });
});
