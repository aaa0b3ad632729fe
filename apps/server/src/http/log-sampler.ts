/**
 * Lets one log line through per interval and counts the ones it held back, so a flood of alike events
 * costs a line per interval. `take()` gives the number suppressed since the last line, or null to skip.
 */
export function createLogSampler(intervalMs: number, now: () => number = Date.now) {
  let last = -Infinity;
  let suppressed = 0;

  return {
    take(): number | null {
      const t = now();
      if (t - last < intervalMs) {
        suppressed += 1;

        return null;
      }
      last = t;
      const held = suppressed;
      suppressed = 0;

      return held;
    },
  };
}
