import type { TDatabase } from '@uw/db';

import type { TSettingsValues } from '../settings/definitions';
import { effectiveSettings } from '../settings/effective-settings';

const DAY_MS = 86_400_000;
const BATCH = 1_000;

/** Deletes in batches of ids, so a large backlog never holds one long lock. Returns rows removed. */
async function deleteInBatches(
  db: TDatabase,
  table: string,
  where: (q: ReturnType<ReturnType<TDatabase['knex']>>) => unknown,
): Promise<number> {
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

/**
 * Per workspace: webhook log rows past `log_retention_days`, finished executions (and their steps) past
 * `execution_retention_days`, explorer history with the log; everywhere: dedup keys past their window and
 * lifecycle tokens past their replay memory.
 */
export async function runRetention(db: TDatabase, defaults: TSettingsValues, now = Date.now()) {
  const installs: { workspace_id: string; settings: unknown }[] = await db
    .knex()('universal_webhook_installation')
    .select('workspace_id', 'settings');
  let logs = 0;
  let executions = 0;
  for (const inst of installs) {
    const settings = effectiveSettings(
      defaults,
      typeof inst.settings === 'string' ? JSON.parse(inst.settings) : (inst.settings as Record<string, unknown>),
    );
    const ws = inst.workspace_id;
    logs += await deleteInBatches(db, 'universal_webhook_log', (q) =>
      q.where('workspace_id', ws).andWhere('received_at', '<', now - settings.log_retention_days * DAY_MS),
    );
    // The explorer's history follows the log's retention.
    await deleteInBatches(db, 'universal_webhook_explorer_history', (q) =>
      q.where('workspace_id', ws).andWhere('created_at', '<', now - settings.log_retention_days * DAY_MS),
    );
    const cutoff = now - settings.execution_retention_days * DAY_MS;
    await deleteInBatches(db, 'universal_webhook_execution_step', (q) =>
      q
        .where('workspace_id', ws)
        .whereIn(
          'execution_id',
          db
            .knex()('universal_webhook_flow_execution')
            .select('id')
            .where('workspace_id', ws)
            .whereIn('status', ['succeeded', 'failed', 'cancelled'])
            .andWhere('created_at', '<', cutoff),
        ),
    );
    executions += await deleteInBatches(db, 'universal_webhook_flow_execution', (q) =>
      q.where('workspace_id', ws).whereIn('status', ['succeeded', 'failed', 'cancelled']).andWhere('created_at', '<', cutoff),
    );
  }
  logs += await deleteInBatches(db, 'universal_webhook_log', (q) =>
    q.where('workspace_id', '').andWhere('received_at', '<', now - defaults.log_retention_days * DAY_MS),
  );
  const dedup = await deleteInBatches(db, 'universal_webhook_dedup', (q) => q.where('expires_at', '<', now));
  // Accepted lifecycle tokens past their memory (keyed by hash, few: one per lifecycle callback).
  const lifecycleTokens = await db.knex()('universal_webhook_lifecycle_token').where('expires_at', '<', now).delete();

  return { logs, executions, dedup, lifecycleTokens };
}
