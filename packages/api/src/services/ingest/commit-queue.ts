import { dedupQueries, executionQueries, ingestPgQueries, isDatabaseUnavailable, logQueries, type TDatabase, type TSql } from '@uw/db';

import { createGroupCommit, type TGroupCommit } from '../batching/group-commit';
import { writeCache, type TCacheWrite } from '../cache/cache-store';
import type { TExecutionRow, TLogRow } from './rows';

/** One webhook to persist: its log row, the executions it queues, its dedup claim and its cache change. */
export type TIngestWrite = {
  log: TLogRow;
  executions: TExecutionRow[];
  dedup?: { workspaceId: string; key: string; expiresAt: number };
  cache?: TCacheWrite | null;
};
type TCommitOptions = {
  maxBatch?: number;
  maxWaitMs?: number;
  /** Transactions committing at once (each on its own connection). */
  maxInFlight?: number;
  /** What a batch's bodies may weigh at most (bytes, counted generously); a batch holds one write at least. */
  maxBatchBytes?: number;
  onExecutions?: (count: number) => void;
  /** Called after the commit with each log row that queued executions. */
  onCommitted?: (log: TLogRow) => void;
  /** A cache change that failed: the webhooks are still stored and acknowledged (the cache is refetched later). */
  onCacheError?: (err: unknown) => void;
};
export type TIngestResult = { duplicate: boolean };

export type TCommitQueue = TGroupCommit<TIngestWrite, TIngestResult>;

/**
 * The ingest path's group commit (`createGroupCommit`): each webhook is acknowledged only after the
 * transaction holding it commits. Dedup is decided by the unique key inside the same transaction: a
 * duplicate's log row is rewritten as `duplicate` and its executions are dropped.
 */
export function createCommitQueue(db: TDatabase, opts: TCommitOptions = {}): TCommitQueue {
  return createGroupCommit((writes: TIngestWrite[]) => commitBatch(db, writes, opts), {
    maxBatch: opts.maxBatch ?? 256,
    maxInFlight: opts.maxInFlight ?? 2,
    maxWaitMs: opts.maxWaitMs ?? 2,
    weigh: { of: weightOf, max: opts.maxBatchBytes ?? MAX_BATCH_BYTES },
  });
}

/** PostgreSQL takes a batch as one JSON document (at most 255 MB as jsonb): large bodies make smaller batches. */
const MAX_BATCH_BYTES = 32 * 1_048_576;

/** A write's share of its batch's document: the body (payload and perhaps the text as received) and the rest. */
const weightOf = (w: TIngestWrite) => 2 * w.log.size_bytes + 1_024;

async function commitBatch(db: TDatabase, writes: TIngestWrite[], opts: TCommitOptions): Promise<TIngestResult[]> {
  const { out, executions } = db.dialect === 'postgresql' ? await commitPg(db, writes, opts) : await commitSql(db, writes, opts);
  if (opts.onCommitted) {
    writes.forEach((w, i) => {
      if (!out[i]!.duplicate && w.executions.length > 0) opts.onCommitted!(w.log);
    });
  }
  if (executions > 0) opts.onExecutions?.(executions);

  return out;
}

type TCommitted = { out: TIngestResult[]; executions: number };

/**
 * PostgreSQL: the whole batch in one prepared statement (`ingestPgQueries`), its cache changes included. If
 * that fails while the batch holds cache changes, the batch is committed once more without them: a cache
 * change that fails must not cost the webhooks their acknowledgement (the cache is refetched later).
 */
async function commitPg(db: TDatabase, writes: TIngestWrite[], opts: TCommitOptions): Promise<TCommitted> {
  const repeats = repeatsInBatch(writes);
  const items = writes.map((w) =>
    repeats.has(w)
      ? { log: asDuplicate(w.log), executions: [] }
      : { log: w.log, executions: w.executions, claim: w.dedup, cache: w.cache },
  );
  const now = Date.now();
  let lost: Set<string>;
  try {
    lost = await ingestPgQueries.commitIngestPg(db, { items, now, withCache: true });
  } catch (err) {
    if (!items.some((i) => i.cache) || isDatabaseUnavailable(err)) throw err;
    lost = await ingestPgQueries.commitIngestPg(db, { items, now, withCache: false });
    opts.onCacheError?.(err);
  }
  let executions = 0;
  const out = writes.map((w) => {
    const duplicate = repeats.has(w) || lost.has(w.log.id);
    if (!duplicate) executions += w.executions.length;

    return { duplicate };
  });

  return { out, executions };
}

/** SQLite: one transaction of query-builder statements; the cache changes in a savepoint. */
async function commitSql(db: TDatabase, writes: TIngestWrite[], opts: TCommitOptions): Promise<TCommitted> {
  return db.knex().transaction(async (trx) => {
    const duplicates = await claimDedupKeys(db, trx, writes);
    const logs: TLogRow[] = [];
    const executions: TExecutionRow[] = [];
    const out = writes.map((w) => {
      const isDup = duplicates.has(w);
      logs.push(isDup ? asDuplicate(w.log) : w.log);
      if (!isDup) executions.push(...w.executions);

      return { duplicate: isDup };
    });
    await logQueries.insertLogs(db, logs, { trx });
    await executionQueries.insertExecutions(db, executions, { trx });
    const cache = writes.flatMap((w) => (w.cache && !duplicates.has(w) ? [w.cache] : []));
    // In a savepoint: a cache write that fails must not cost the webhooks their acknowledgement.
    if (cache.length > 0) await trx.transaction((sp) => writeCache(sp, cache)).catch((err: unknown) => opts.onCacheError?.(err));

    return { out, executions: executions.length };
  });
}

/** The writes that repeat a dedup key (of the same workspace) claimed earlier in the same batch. */
function repeatsInBatch(writes: TIngestWrite[]): Set<TIngestWrite> {
  const seen = new Set<string>();
  const repeats = new Set<TIngestWrite>();
  for (const w of writes) {
    if (!w.dedup) continue;
    const k = `${w.dedup.workspaceId}\u0000${w.dedup.key}`;
    if (seen.has(k)) repeats.add(w);
    else seen.add(k);
  }

  return repeats;
}

/** Returns the writes whose dedup key was already taken (within its window) or repeated inside this batch. */
async function claimDedupKeys(db: TDatabase, trx: TSql, writes: TIngestWrite[]): Promise<Set<TIngestWrite>> {
  const dupes = repeatsInBatch(writes);
  const byClaim = new Map<dedupQueries.TDedupClaim, TIngestWrite>();
  for (const w of writes) if (w.dedup && !dupes.has(w)) byClaim.set({ ...w.dedup, logId: w.log.id }, w);
  if (byClaim.size === 0) return dupes;
  const lost = await dedupQueries.claimDedupKeys(db, [...byClaim.keys()], { trx });
  for (const claim of lost) dupes.add(byClaim.get(claim)!);

  return dupes;
}

function asDuplicate(log: TLogRow): TLogRow {
  return { ...log, outcome: 'duplicate', flow_ids: '[]', reason: 'seen within the dedup window' };
}
