import type { Knex } from '@mikro-orm/knex';

import type { TDatabase } from '../database';
import { parseJsonColumn } from './sql';
import { TABLE } from './tables';

const BATCH = 1_000;
const FINISHED = ['succeeded', 'filtered', 'failed', 'cancelled'];

/** Deletes in batches of ids, so a large backlog never holds one long lock. Returns rows removed. */
async function deleteInBatches(db: TDatabase, table: string, where: (q: Knex.QueryBuilder) => unknown): Promise<number> {
  const knex = db.knex();
  let total = 0;
  for (;;) {
    const q = knex(table).select('id').limit(BATCH);
    where(q);
    const ids = (await q).map((r: { id: string }) => r.id);
    if (ids.length === 0) return total;
    total += await knex(table).whereIn('id', ids).delete();
    if (ids.length < BATCH) return total;
  }
}

/** Every installation's saved settings (retention reads each workspace's windows). */
export async function listInstallationSettings(db: TDatabase): Promise<{ workspaceId: string; settings: Record<string, unknown> }[]> {
  const rows: { workspace_id: string; settings: unknown }[] = await db.knex()(TABLE.installation).select('workspace_id', 'settings');

  return rows.map((r) => ({ workspaceId: r.workspace_id, settings: parseJsonColumn(r.settings) }));
}

/** Log rows of the workspace received before `before` (`''`: rejected requests that named no workspace). */
export function deleteLogsBefore(db: TDatabase, workspaceId: string, before: number): Promise<number> {
  return deleteInBatches(db, TABLE.log, (q) => q.where('workspace_id', workspaceId).andWhere('received_at', '<', before));
}

export function deleteExplorerHistoryBefore(db: TDatabase, workspaceId: string, before: number): Promise<number> {
  return deleteInBatches(db, TABLE.explorerHistory, (q) => q.where('workspace_id', workspaceId).andWhere('created_at', '<', before));
}

export function deleteAuditBefore(db: TDatabase, workspaceId: string, before: number): Promise<number> {
  return deleteInBatches(db, TABLE.audit, (q) => q.where('workspace_id', workspaceId).andWhere('at', '<', before));
}

/** Finished executions created before `before`, their journal first. Returns executions removed. */
export async function deleteFinishedExecutionsBefore(db: TDatabase, workspaceId: string, before: number): Promise<number> {
  await deleteInBatches(db, TABLE.step, (q) =>
    q
      .where('workspace_id', workspaceId)
      .whereIn(
        'execution_id',
        db
          .knex()(TABLE.execution)
          .select('id')
          .where('workspace_id', workspaceId)
          .whereIn('status', FINISHED)
          .andWhere('created_at', '<', before),
      ),
  );

  return deleteInBatches(db, TABLE.execution, (q) =>
    q.where('workspace_id', workspaceId).whereIn('status', FINISHED).andWhere('created_at', '<', before),
  );
}

/** Every workspace's dedup keys past their window. */
export function deleteExpiredDedupKeys(db: TDatabase, now: number): Promise<number> {
  return deleteInBatches(db, TABLE.dedup, (q) => q.where('expires_at', '<', now));
}

/** Accepted lifecycle tokens past their replay memory (keyed by hash, few: one per lifecycle callback). */
export function deleteExpiredLifecycleTokens(db: TDatabase, now: number): Promise<number> {
  return db.knex()(TABLE.lifecycleToken).where('expires_at', '<', now).delete();
}
