import { nextFireOf, type TCron } from '@uw/flow-engine';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Windows searched back from now, narrowest first, so a frequent cron never walks a long outage tick by tick. */
const WINDOWS = [HOUR, DAY, 32 * DAY, 367 * DAY, Number.POSITIVE_INFINITY];

/**
 * The latest tick of `cron` in `timeZone` after `from` and at or before `now` (epoch ms), or null when none
 * fell in between. Ticks missed before it are not returned: after an outage a schedule fires once, for its
 * most recent tick, not once per missed tick.
 */
export function latestTickBetween(cron: TCron, timeZone: string, range: { from: number; now: number }): number | null {
  const { from, now } = range;
  for (const window of WINDOWS) {
    const start = Math.max(from, now - window);
    const first = nextFireOf(cron, timeZone, new Date(start))?.getTime();
    if (first === undefined || first > now) {
      if (start === from) return null;
      continue;
    }
    let tick: number = first;
    for (;;) {
      const next: number | undefined = nextFireOf(cron, timeZone, new Date(tick))?.getTime();
      if (next === undefined || next > now) return tick;
      tick = next;
    }
  }

  return null;
}
