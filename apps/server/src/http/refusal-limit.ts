export type TRefusalLimitOptions = {
  /** Refusals a client may collect at once. */
  burst?: number;
  /** Refusals per second that the budget earns back. */
  perSecond?: number;
  /** Clients tracked at most; the least recently refused is forgotten first. */
  maxClients?: number;
  now?: () => number;
};

export type TRefusalLimit = {
  /** Seconds this client must wait (its budget is spent), or 0. */
  retryAfter(client: string): number;
  /** Spends one refusal of this client's budget. */
  charge(client: string): void;
  readonly size: number;
};

type TBucket = { tokens: number; at: number };

/**
 * A token bucket per client address for refused, unauthenticated requests, in memory. A client that spent
 * its budget gets 429 until it earns a refusal back, whatever it sends; clients that are never refused never
 * appear here. The map is bounded: past `maxClients` the least recently refused client is dropped.
 */
export function createRefusalLimit(opts: TRefusalLimitOptions = {}): TRefusalLimit {
  const burst = opts.burst ?? 100;
  const perSecond = opts.perSecond ?? 5;
  const maxClients = opts.maxClients ?? 10_000;
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, TBucket>();

  const current = (client: string): TBucket | undefined => {
    const bucket = buckets.get(client);
    if (!bucket) return undefined;
    const t = now();
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;

    return bucket;
  };

  return {
    retryAfter(client) {
      const bucket = current(client);
      if (!bucket || bucket.tokens >= 1) return 0;

      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
    charge(client) {
      const bucket = current(client) ?? { tokens: burst, at: now() };
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      buckets.delete(client); // re-inserted last: the map's order is least recently refused first
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    },
    get size() {
      return buckets.size;
    },
  };
}
