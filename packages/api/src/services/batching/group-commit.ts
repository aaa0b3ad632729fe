import { isDatabaseUnavailable } from '@uw/db';

export type TGroupCommitOptions<I = unknown> = {
  maxBatch: number;
  /** Transactions committing at once (each on its own connection). */
  maxInFlight: number;
  /** How long an idle queue waits for company before committing; 0 commits at once. */
  maxWaitMs: number;
  /**
   * Whether a failed batch of several items is retried one item per transaction, so one bad item fails
   * alone. Default: unless the database is unavailable (then every item would fail again, one by one).
   */
  retryAlone?: (err: unknown) => boolean;
  /**
   * What an item weighs (its bytes, say) and what a batch may weigh at most: a batch ends before the item
   * that would take it past `maxWeight` (a batch holds one item at least, however heavy). Default: no limit.
   */
  weigh?: { of: (item: I) => number; max: number };
};

export type TGroupCommit<I, R> = {
  /** Resolves with this item's result once the transaction that holds it has committed. */
  submit(item: I): Promise<R>;
  /** Commits what is pending and waits for every transaction in flight. */
  close(): Promise<void>;
};

type Pending<I, R> = { item: I; resolve: (r: R) => void; reject: (e: unknown) => void };

/**
 * Group commit: items wait while transactions are in flight and then share the next one (one fsync for
 * all of them); an idle queue commits after at most `maxWaitMs`. Under load the batch grows with the
 * commit latency, so the statements per item fall as the rate rises. `commit` gets the items of one
 * batch and returns one result per item, in order. If it throws, the batch's transaction rolled back and its
 * items are committed again one at a time (see `retryAlone`), so only an item that fails on its own is rejected:
 * one tenant's unstorable item never costs another tenant its answer.
 */
export function createGroupCommit<I, R>(commit: (items: I[]) => Promise<R[]>, opts: TGroupCommitOptions<I>): TGroupCommit<I, R> {
  const pending: Pending<I, R>[] = [];
  const idle: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight = 0;

  const retryAlone = opts.retryAlone ?? ((err: unknown) => !isDatabaseUnavailable(err));

  const run = async (batch: Pending<I, R>[]) => {
    try {
      const results = await commit(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (batch.length > 1 && retryAlone(err)) {
        // One at a time, in the slot the batch held: a bad item must not multiply the connections in use.
        for (const p of batch) await run([p]);

        return;
      }
      for (const p of batch) p.reject(err);
    }
  };

  /** How many of the pending items the next batch takes: at most `maxBatch`, within `weigh.max`. */
  const nextBatchSize = () => {
    const most = Math.min(opts.maxBatch, pending.length);
    if (!opts.weigh) return most;
    let weight = opts.weigh.of(pending[0]!.item);
    let n = 1;
    while (n < most && (weight += opts.weigh.of(pending[n]!.item)) <= opts.weigh.max) n++;

    return n;
  };

  const pump = () => {
    timer = null;
    while (pending.length > 0 && inFlight < opts.maxInFlight) {
      const batch = pending.splice(0, nextBatchSize());
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        if (pending.length > 0) pump();
        else if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
      });
    }
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        // While a commit is in flight, its end picks the pending items up; otherwise wait a little for company.
        if (inFlight >= opts.maxInFlight || timer) return;
        if (pending.length >= opts.maxBatch || inFlight > 0 || opts.maxWaitMs <= 0) pump();
        else timer = setTimeout(pump, opts.maxWaitMs);
      });
    },
    async close() {
      if (timer) clearTimeout(timer);
      pump();
      if (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
