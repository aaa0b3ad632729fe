/** Clockify's add-on limit: N requests per workspace per aligned wall-clock second. */
export type TRateLimiter = { take(workspaceId: string, nowMs: number): boolean };

export function createRateLimiter(perSecond: number): TRateLimiter {
  let second = -1;
  let counts = new Map<string, number>();

  return {
    take(workspaceId, nowMs) {
      if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
        return true;
      }
      const current = Math.floor(nowMs / 1000);
      if (current !== second) {
        second = current;
        counts = new Map();
      }
      const used = counts.get(workspaceId) ?? 0;
      if (used >= perSecond) {
        return false;
      }
      counts.set(workspaceId, used + 1);

      return true;
    },
  };
}
