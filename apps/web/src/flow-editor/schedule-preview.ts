import { nextFireAfter } from '@uw/flow-engine';

export type TSchedulePreview = { ok: true; times: Date[] } | { ok: false };

/** The next `count` times a cron fires in `timeZone` after `from` (fewer when it stops firing); not ok when either is malformed. */
export function nextFireTimes(schedule: { cron: string; timeZone: string }, from: Date, count = 5): TSchedulePreview {
  const { cron, timeZone } = schedule;
  const times: Date[] = [];
  try {
    let after = from;
    while (times.length < count) {
      const next = nextFireAfter(cron, timeZone, after);
      if (!next) break;
      times.push(next);
      after = next;
    }
  } catch {
    return { ok: false };
  }

  return { ok: true, times };
}

/** "Mon, 3 Mar 2025, 09:00 CET": a fire time as the schedule's zone shows it. */
export function formatFireTime(time: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(time);
}

/** The browser's IANA zone: what a new schedule starts with. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, UTC first. */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
