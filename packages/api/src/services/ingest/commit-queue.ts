import { newId, type TDatabase } from '@uw/db';

import { createGroupCommit, type TGroupCommit } from '../batching/group-commit';
import { writeCache, type TCacheWrite } from '../cache/cache-store';
import { TABLES, type TExecutionRow, type TLogRow } from './rows';

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
    const duplicates = await claimDedupKeys(trx, writes);
    const logs: TLogRow[] = [];
    const executions: TExecutionRow[] = [];
    const out = writes.map((w) => {
      const isDup = duplicates.has(w);
      logs.push(isDup ? asDuplicate(w.log) : w.log);
      if (!isDup) executions.push(...w.executions);

      return { duplicate: isDup };
    });
    await insertChunked(trx, TABLES.log, logs);
    await insertChunked(trx, TABLES.execution, executions);
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

type Trx = Parameters<Parameters<ReturnType<TDatabase['knex']>['transaction']>[0]>[0];

/** Returns the writes whose dedup key was already taken (within its window) or repeated inside this batch. */
async function claimDedupKeys(trx: Trx, writes: TIngestWrite[]): Promise<Set<TIngestWrite>> {
  const now = Date.now();
  const seen = new Map<string, TIngestWrite>();
  const dupes = new Set<TIngestWrite>();
  for (const w of writes) {
    if (!w.dedup) continue;
    const k = `${w.dedup.workspaceId}\u0000${w.dedup.key}`;
    if (seen.has(k)) dupes.add(w);
    else seen.set(k, w);
  }
  const claims = [...seen.values()];
  if (claims.length === 0) return dupes;
  await trx(TABLES.dedup)
    .whereIn(
      ['workspace_id', 'dedup_key'],
      claims.map((w) => [w.dedup!.workspaceId, w.dedup!.key]),
    )
    .andWhere('expires_at', '<', now)
    .delete();
  const rows = claims.map((w) => ({
    id: newId(),
    workspace_id: w.dedup!.workspaceId,
    dedup_key: w.dedup!.key,
    log_id: w.log.id,
    expires_at: w.dedup!.expiresAt,
  }));
  const inserted: { workspace_id: string; dedup_key: string }[] = await trx(TABLES.dedup)
    .insert(rows)
    .onConflict(['workspace_id', 'dedup_key'])
    .ignore()
    .returning(['workspace_id', 'dedup_key']);
  const won = new Set(inserted.map((r) => `${r.workspace_id}\u0000${r.dedup_key}`));
  for (const w of claims) {
    if (!won.has(`${w.dedup!.workspaceId}\u0000${w.dedup!.key}`)) dupes.add(w);
  }

  return dupes;
}

function asDuplicate(log: TLogRow): TLogRow {
  return { ...log, outcome: 'duplicate', flow_ids: '[]', reason: 'seen within the dedup window' };
}

async function insertChunked(trx: Trx, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await trx(table).insert(rows.slice(i, i + 200));
  }
}
