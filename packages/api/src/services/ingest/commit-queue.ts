import { newId, type TDatabase } from '@uw/db';

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

type Pending = { write: TIngestWrite; resolve: (r: TIngestResult) => void; reject: (e: unknown) => void };

export type TCommitQueue = {
  submit(write: TIngestWrite): Promise<TIngestResult>;
  close(): Promise<void>;
};

/**
 * Group commit: writes wait while a transaction is in flight and then share the next one (one fsync
 * for all of them); an idle queue commits after at most `maxWaitMs`. Under load the batch grows with
 * the commit latency, so the statements per webhook fall as the rate rises. Each caller's promise
 * resolves only after its transaction commits: nothing is acknowledged before it is durable. Dedup is
 * decided by the unique key inside the same transaction: a duplicate's log row is rewritten as
 * `duplicate` and its executions are dropped.
 */
export function createCommitQueue(db: TDatabase, opts: TCommitOptions = {}): TCommitQueue {
  const maxBatch = opts.maxBatch ?? 256;
  const maxWaitMs = opts.maxWaitMs ?? 2;
  const maxInFlight = opts.maxInFlight ?? 2;
  const pending: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight = 0;
  const idle: (() => void)[] = [];

  const pump = () => {
    timer = null;
    while (pending.length > 0 && inFlight < maxInFlight) {
      const batch = pending.splice(0, maxBatch);
      inFlight++;
      void commitBatch(db, batch, opts).finally(() => {
        inFlight--;
        if (pending.length > 0) pump();
        else if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
      });
    }
  };

  return {
    submit(write) {
      return new Promise<TIngestResult>((resolve, reject) => {
        pending.push({ write, resolve, reject });
        // While a commit is in flight, its end picks the pending writes up; otherwise wait a little for company.
        if (inFlight >= maxInFlight || timer) return;
        if (pending.length >= maxBatch || inFlight > 0) pump();
        else timer = setTimeout(pump, maxWaitMs);
      });
    },
    async close() {
      if (timer) clearTimeout(timer);
      pump();
      if (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

async function commitBatch(db: TDatabase, batch: Pending[], opts: TCommitOptions): Promise<void> {
  try {
    const results = await db.knex().transaction(async (trx) => {
      const duplicates = await claimDedupKeys(
        trx,
        batch.map((p) => p.write),
      );
      const logs: TLogRow[] = [];
      const executions: TExecutionRow[] = [];
      const out = batch.map((p) => {
        const isDup = duplicates.has(p.write);
        logs.push(isDup ? asDuplicate(p.write.log) : p.write.log);
        if (!isDup) executions.push(...p.write.executions);

        return { duplicate: isDup };
      });
      await insertChunked(trx, TABLES.log, logs);
      await insertChunked(trx, TABLES.execution, executions);
      const cache = batch.flatMap((p) => (p.write.cache && !duplicates.has(p.write) ? [p.write.cache] : []));
      // In a savepoint: a cache write that fails must not cost the webhooks their acknowledgement.
      if (cache.length > 0) await trx.transaction((sp) => writeCache(sp, cache)).catch((err: unknown) => opts.onCacheError?.(err));

      return { out, executions: executions.length };
    });
    if (opts.onCommitted) {
      batch.forEach((p, i) => {
        if (!results.out[i]!.duplicate && p.write.executions.length > 0) opts.onCommitted!(p.write.log);
      });
    }
    batch.forEach((p, i) => p.resolve(results.out[i]!));
    if (results.executions > 0) opts.onExecutions?.(results.executions);
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
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
