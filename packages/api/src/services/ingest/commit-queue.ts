import { dedupQueries, executionQueries, logQueries, type TDatabase, type TSql } from '@uw/db';

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
  });
}

async function commitBatch(db: TDatabase, writes: TIngestWrite[], opts: TCommitOptions): Promise<TIngestResult[]> {
  const results = await db.knex().transaction(async (trx) => {
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
  if (opts.onCommitted) {
    writes.forEach((w, i) => {
      if (!results.out[i]!.duplicate && w.executions.length > 0) opts.onCommitted!(w.log);
    });
  }
  if (results.executions > 0) opts.onExecutions?.(results.executions);

  return results.out;
}

/** Returns the writes whose dedup key was already taken (within its window) or repeated inside this batch. */
async function claimDedupKeys(db: TDatabase, trx: TSql, writes: TIngestWrite[]): Promise<Set<TIngestWrite>> {
  const seen = new Map<string, TIngestWrite>();
  const dupes = new Set<TIngestWrite>();
  for (const w of writes) {
    if (!w.dedup) continue;
    const k = `${w.dedup.workspaceId}\u0000${w.dedup.key}`;
    if (seen.has(k)) dupes.add(w);
    else seen.set(k, w);
  }
  if (seen.size === 0) return dupes;
  const byClaim = new Map<dedupQueries.TDedupClaim, TIngestWrite>();
  for (const w of seen.values()) byClaim.set({ ...w.dedup!, logId: w.log.id }, w);
  const lost = await dedupQueries.claimDedupKeys(db, [...byClaim.keys()], { trx });
  for (const claim of lost) dupes.add(byClaim.get(claim)!);

  return dupes;
}

function asDuplicate(log: TLogRow): TLogRow {
  return { ...log, outcome: 'duplicate', flow_ids: '[]', reason: 'seen within the dedup window' };
}
