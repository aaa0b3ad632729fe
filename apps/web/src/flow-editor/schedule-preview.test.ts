import { describe, expect, it } from 'vitest';

import { formatFireTime, nextFireTimes, timeZones } from './schedule-preview';

describe('schedule preview', () => {
  it('lists the next fire times of a cron in its time zone', () => {
    // Sunday 2025-03-02 12:00 UTC; Mondays 9:00 in Berlin (UTC+1 in March) is 8:00 UTC.
    const preview = nextFireTimes({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' }, new Date('2025-03-02T12:00:00Z'), 3);

    expect(preview).toEqual({
      ok: true,
      times: [new Date('2025-03-03T08:00:00Z'), new Date('2025-03-10T08:00:00Z'), new Date('2025-03-17T08:00:00Z')],
    });
    if (preview.ok) expect(formatFireTime(preview.times[0]!, 'Europe/Berlin')).toMatch(/^Mon, 3 Mar 2025, 09:00 (CET|GMT\+1)$/);
  });

  it('is empty for a cron that never fires and not ok for a malformed cron or zone', () => {
    expect(nextFireTimes({ cron: '0 0 31 2 *', timeZone: 'UTC' }, new Date('2025-01-01T00:00:00Z'))).toEqual({ ok: true, times: [] });
    expect(nextFireTimes({ cron: '61 * * * *', timeZone: 'UTC' }, new Date())).toEqual({ ok: false });
    expect(nextFireTimes({ cron: '0 9 * * 1', timeZone: 'Mars/Olympus' }, new Date())).toEqual({ ok: false });
  });

  it('offers UTC first, once', () => {
    const zones = timeZones();

    expect(zones[0]).toBe('UTC');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
  });
});
