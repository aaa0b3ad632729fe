import { retentionQueries, type TDatabase } from '@uw/db';

import type { TSettingsValues } from '../settings/definitions';
import { effectiveSettings } from '../settings/effective-settings';

const DAY_MS = 86_400_000;

/**
 * Per workspace: webhook log rows past `log_retention_days`, finished executions (and their steps) past
 * `execution_retention_days`, explorer history and the audit trail with the log; everywhere: dedup keys past their window and
 * lifecycle tokens past their replay memory.
 */
export async function runRetention(db: TDatabase, defaults: TSettingsValues, now = Date.now()) {
  const installs = await retentionQueries.listInstallationSettings(db);
  let logs = 0;
  let executions = 0;
  for (const inst of installs) {
    const settings = effectiveSettings(defaults, inst.settings);
    const ws = inst.workspaceId;
    logs += await retentionQueries.deleteLogsBefore(db, ws, now - settings.log_retention_days * DAY_MS);
    // The explorer's history and the audit trail follow the log's retention.
    await retentionQueries.deleteExplorerHistoryBefore(db, ws, now - settings.log_retention_days * DAY_MS);
    await retentionQueries.deleteAuditBefore(db, ws, now - settings.log_retention_days * DAY_MS);
    executions += await retentionQueries.deleteFinishedExecutionsBefore(db, ws, now - settings.execution_retention_days * DAY_MS);
  }
  // Rejected requests that named no workspace follow the default retention.
  logs += await retentionQueries.deleteLogsBefore(db, '', now - defaults.log_retention_days * DAY_MS);
  const dedup = await retentionQueries.deleteExpiredDedupKeys(db, now);
  const lifecycleTokens = await retentionQueries.deleteExpiredLifecycleTokens(db, now);

  return { logs, executions, dedup, lifecycleTokens };
}
