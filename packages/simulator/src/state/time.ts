/** Clockify writes instants without milliseconds ("2020-07-17T11:35:01Z") and durations as ISO 8601 ("PT1H30M"). */
export const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (s === 0) {
    return 'PT0S';
  }

  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest ? `${rest}S` : ''}`;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Seeded data sits in the weeks before this instant unless the seed names another anchor. */
export const DEFAULT_ANCHOR = Date.UTC(2025, 0, 6, 9, 0, 0);
