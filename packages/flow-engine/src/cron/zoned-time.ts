/**
 * Time-zone arithmetic over `Intl.DateTimeFormat` only (no tz database of our own). "Wall" times are
 * counted in milliseconds as if the zone's local clock were UTC.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone (or UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);

    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at `instantMs`, in milliseconds (Berlin in summer: +7,200,000). Throws RangeError for an unknown zone. */
export function offsetAt(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);

  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

export function toWall(timeZone: string, instantMs: number): number {
  return instantMs + offsetAt(timeZone, instantMs);
}

const DAY_MS = 86_400_000;

/**
 * The instants at which the zone's clock shows `wallMs`: one normally, two (earlier first) in the hour
 * repeated when clocks go back, none in the hour skipped when they go forward.
 */
export function instantsOf(timeZone: string, wallMs: number): number[] {
  const offsets = new Set([offsetAt(timeZone, wallMs - DAY_MS), offsetAt(timeZone, wallMs + DAY_MS)]);
  const instants = [...offsets].map((offset) => wallMs - offset).filter((instant) => offsetAt(timeZone, instant) === wallMs - instant);

  return [...new Set(instants)].sort((a, b) => a - b);
}

/** Where a wall time skipped by a forward change lands: read with the offset in force before the change (02:30 → 03:30). */
export function instantAcrossGap(timeZone: string, wallMs: number): number {
  return wallMs - offsetAt(timeZone, wallMs - DAY_MS);
}
