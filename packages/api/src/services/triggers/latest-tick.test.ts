import { describe, expect, it } from 'vitest';

import { parseCron } from '@uw/flow-engine';

import { latestTickBetween } from './latest-tick';

const cron = (expression: string) => {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.message);

  return parsed.cron;
};
const at = (iso: string) => Date.parse(iso);

describe('latestTickBetween', () => {
  it('returns the latest tick of a long outage, not the first', () => {
    const tick = latestTickBetween(cron('*/5 * * * *'), 'UTC', { from: at('2026-01-01T00:00:00Z'), now: at('2026-01-08T10:07:30Z') });
    expect(new Date(tick!).toISOString()).toBe('2026-01-08T10:05:00.000Z');
  });

  it('counts a tick at exactly now, and none after `from` is null', () => {
    expect(latestTickBetween(cron('0 9 * * *'), 'UTC', { from: at('2026-03-02T08:00:00Z'), now: at('2026-03-02T09:00:00Z') })).toBe(
      at('2026-03-02T09:00:00Z'),
    );
    expect(latestTickBetween(cron('0 9 * * *'), 'UTC', { from: at('2026-03-02T09:00:00Z'), now: at('2026-03-02T20:00:00Z') })).toBeNull();
  });

  it('finds a yearly tick beyond every search window, in the schedule’s time zone', () => {
    const tick = latestTickBetween(cron('30 9 1 JAN *'), 'Europe/Berlin', {
      from: at('2020-06-01T00:00:00Z'),
      now: at('2026-03-01T00:00:00Z'),
    });
    expect(new Date(tick!).toISOString()).toBe('2026-01-01T08:30:00.000Z');
  });
});
