import { describe, expect, it } from 'vitest';

import { nextFireAfter } from './next-fire-after';
import { cronNeverFires, parseCron } from './parse-cron';
import { isValidTimeZone } from './zoned-time';

const next = (cron: string, timeZone: string, after: string) => nextFireAfter(cron, timeZone, new Date(after))?.toISOString();

describe('parseCron', () => {
  it('reads lists, ranges, steps and names; 7 is Sunday', () => {
    const parsed = parseCron('*/20 9-17/4 1,15 JAN-MAR mon,7');
    expect(parsed.ok && [...parsed.cron.minutes]).toEqual([0, 20, 40]);
    expect(parsed.ok && [...parsed.cron.hours]).toEqual([9, 13, 17]);
    expect(parsed.ok && [...parsed.cron.months]).toEqual([1, 2, 3]);
    expect(parsed.ok && [...parsed.cron.daysOfWeek].sort()).toEqual([0, 1]);
  });

  it.each([
    ['0 9 * *', /5 fields/],
    ['60 * * * *', /minute: "60"/],
    ['0 0 0 * *', /day of month/],
    ['0 0 * 13 *', /month/],
    ['0 5-1 * * *', /backwards/],
    ['*/0 * * * *', /step/],
    ['0 0 * * FUNDAY', /day of week/],
  ])('refuses %s', (cron, message) => {
    const parsed = parseCron(cron);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('knows a cron that never fires (30/31 February, 31 April) from one that rarely does (29 February)', () => {
    const never = (cron: string) => {
      const parsed = parseCron(cron);

      return parsed.ok && cronNeverFires(parsed.cron);
    };
    expect(never('0 0 31 2 *')).toBe(true);
    expect(never('0 0 30,31 2 *')).toBe(true);
    expect(never('0 0 31 4,6 *')).toBe(true);
    expect(never('0 0 29 2 *')).toBe(false);
    expect(never('0 0 31 2 MON')).toBe(false);
  });
});

describe('nextFireAfter', () => {
  it('fires strictly after the given time', () => {
    expect(next('0 9 * * 1', 'UTC', '2026-03-02T09:00:00Z')).toBe('2026-03-09T09:00:00.000Z');
    expect(next('0 9 * * 1', 'UTC', '2026-03-02T08:59:59Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(next('*/15 * * * *', 'UTC', '2026-03-02T09:07:30Z')).toBe('2026-03-02T09:15:00.000Z');
  });

  it('reads the clock of the time zone', () => {
    expect(next('0 9 * * 1', 'Europe/Berlin', '2026-01-01T00:00:00Z')).toBe('2026-01-05T08:00:00.000Z');
    expect(next('0 9 * * 1', 'America/New_York', '2026-07-01T00:00:00Z')).toBe('2026-07-06T13:00:00.000Z');
  });

  it('a daily 09:00 stays at 09:00 local across both DST changes', () => {
    expect(next('0 9 * * *', 'Europe/Berlin', '2026-03-28T09:00:00Z')).toBe('2026-03-29T07:00:00.000Z');
    expect(next('0 9 * * *', 'Europe/Berlin', '2026-10-24T09:00:00Z')).toBe('2026-10-25T08:00:00.000Z');
    expect(next('0 9 * * 1', 'America/New_York', '2026-03-06T00:00:00Z')).toBe('2026-03-09T13:00:00.000Z');
  });

  it('a time skipped when clocks go forward fires as far after the change (02:30 → 03:30)', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-29T01:30:00Z')).toBe('2026-03-30T00:30:00.000Z');
  });

  it('a time repeated when clocks go back fires once; an hourly cron keeps firing through the repeated hour', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-10-25T00:30:00Z')).toBe('2026-10-26T01:30:00.000Z');
    const ticks = ['2026-10-25T00:15:00Z'];
    for (let i = 0; i < 4; i++)
      ticks.push(nextFireAfter('*/30 * * * *', 'Europe/Berlin', new Date(ticks.at(-1) ?? ''))?.toISOString() ?? '');
    expect(ticks.slice(1)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('29 February waits for a leap year; 31 February never comes', () => {
    expect(next('0 0 29 2 *', 'UTC', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(nextFireAfter('0 0 31 2 *', 'UTC', new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });

  it('when both day fields are set, either matches (Vixie cron)', () => {
    expect(next('0 0 13 * FRI', 'UTC', '2026-03-01T00:00:00Z')).toBe('2026-03-06T00:00:00.000Z');
  });

  it('throws on a malformed cron or an unknown zone', () => {
    expect(() => nextFireAfter('nope', 'UTC', new Date())).toThrow(RangeError);
    expect(() => nextFireAfter('* * * * *', 'Mars/Olympus', new Date())).toThrow(RangeError);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
  });
});
