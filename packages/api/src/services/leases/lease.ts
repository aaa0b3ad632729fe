/**
 * Holding a lease from the process side (the SQL is `leases.ts` in the data layer): a heartbeat extends it
 * while work runs, and a write refused because the lease was taken over raises `LeaseLostError`. The
 * execution worker and bootstrap runs use both; periodic job locks are taken for one period and not extended.
 */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';

  constructor(what: string) {
    super(`the lease on ${what} was lost (another process took it over); the write was refused`);
    this.name = 'LeaseLostError';
  }
}

export type THeartbeat = { stop(): void };

/**
 * Calls `extend` every third of `leaseMs` (at least `minIntervalMs`) until stopped. `extend` answers whether
 * the lease is still held: `false` stops the heartbeat and calls `onLost`. A failing `extend` (database
 * briefly down) is tried again at the next beat; if it keeps failing the lease simply expires.
 */
export function startHeartbeat(opts: {
  leaseMs: number;
  extend: () => Promise<boolean>;
  onLost?: () => void;
  minIntervalMs?: number;
}): THeartbeat {
  let stopped = false;
  const beat = async () => {
    const held = await opts.extend().catch(() => true);
    if (!held && !stopped) {
      stop();
      opts.onLost?.();
    }
  };
  const timer = setInterval(() => void beat(), Math.max(opts.minIntervalMs ?? 50, Math.floor(opts.leaseMs / 3)));
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };

  return { stop };
}
