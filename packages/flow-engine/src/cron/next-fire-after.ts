import { parseCron, type TCron } from './parse-cron';
import { instantAcrossGap, instantsOf, offsetAt, toWall } from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Wide enough to cover any repeated hour (clock changes are at most a few hours). */
const OVERLAP_MS = 3 * 3_600_000;
/** A cron that fires at all fires within 8 years (29 February on a given weekday needs up to 28, but then weekdays OR). */
const SEARCH_DAYS = 366 * 8 + 2;

function dayMatches(cron: TCron, day: Date): boolean {
  if (!cron.months.has(day.getUTCMonth() + 1)) return false;
  const byMonthDay = cron.daysOfMonth.has(day.getUTCDate());
  const byWeekDay = cron.daysOfWeek.has(day.getUTCDay());
  if (cron.isDayOfMonthRestricted && cron.isDayOfWeekRestricted) return byMonthDay || byWeekDay;

  return byMonthDay && byWeekDay;
}

/** Matching wall times from `fromWall` on (inclusive), in wall-clock order. */
function* wallTimes(cron: TCron, fromWall: number): Generator<number> {
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  const firstDay = fromWall - (((fromWall % DAY_MS) + DAY_MS) % DAY_MS);
  for (let day = firstDay, n = 0; n < SEARCH_DAYS; day += DAY_MS, n++) {
    if (!dayMatches(cron, new Date(day))) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const wall = day + hour * 3_600_000 + minute * MINUTE_MS;
        if (wall >= fromWall) yield wall;
      }
    }
  }
}

/**
 * The instants a wall time fires at: its first occurrence; both occurrences of a repeated time when
 * the hour field is a wildcard (an hourly job keeps running while clocks go back); a skipped time at
 * the same distance after the change (02:30 → 03:30).
 */
function firesAt(cron: TCron, timeZone: string, wall: number): number[] {
  const instants = instantsOf(timeZone, wall);
  if (instants.length === 0) return [instantAcrossGap(timeZone, wall)];

  return cron.hours.size === 24 ? instants : instants.slice(0, 1);
}

/** The first instant strictly after `after` at which a parsed cron fires in `timeZone`, or null when it never does. */
export function nextFireOf(cron: TCron, timeZone: string, after: Date): Date | null {
  const afterMs = after.getTime();
  // Near a clock change, wall order and instant order differ: look a few hours either side.
  const margin = (instant: number) =>
    offsetAt(timeZone, instant - OVERLAP_MS) === offsetAt(timeZone, instant + OVERLAP_MS) ? 0 : OVERLAP_MS;
  const start = toWall(timeZone, afterMs) - margin(afterMs);
  let best: number | undefined;
  let stopAfterWall = Number.POSITIVE_INFINITY;
  for (const wall of wallTimes(cron, start - (((start % MINUTE_MS) + MINUTE_MS) % MINUTE_MS))) {
    if (wall > stopAfterWall) break;
    for (const instant of firesAt(cron, timeZone, wall)) {
      if (instant > afterMs && (best === undefined || instant < best)) {
        best = instant;
        stopAfterWall = toWall(timeZone, instant) + margin(instant);
      }
    }
  }

  return best === undefined ? null : new Date(best);
}

/**
 * When a 5-field cron next fires after `after` in the IANA `timeZone` (the scheduler passes the last
 * tick it fired, or now). Null when it never fires (31 February). Throws RangeError for a malformed
 * cron or an unknown zone; `validateFlow` reports both before a flow is saved.
 */
export function nextFireAfter(cron: string, timeZone: string, after: Date): Date | null {
  const parsed = parseCron(cron);
  if (!parsed.ok) throw new RangeError(`invalid cron "${cron}": ${parsed.message}`);

  return nextFireOf(parsed.cron, timeZone, after);
}
