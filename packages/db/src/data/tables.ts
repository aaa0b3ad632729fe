import {
  AuditEntry,
  BootstrapState,
  CustomSource,
  DedupKey,
  EntityCache,
  ExecutionStep,
  ExplorerHistory,
  Flow,
  FlowExecution,
  FlowVersion,
  Installation,
  JobLock,
  LifecycleTokenUse,
  RateWindow,
  ScheduleFire,
  Secret,
  ServiceKey,
  WebhookLog,
  WebhookSubscription,
} from '../entities';

/** The table an entity maps to, read from its definition (so a renamed table changes in one place). */
function tableOf(entity: { meta: { tableName?: string; className: string } }): string {
  const { tableName, className } = entity.meta;
  if (!tableName) throw new Error(`entity ${className} declares no tableName`);

  return tableName;
}

/**
 * Short name → table name for the data layer's raw SQL (knex). Only `packages/db/src/data` uses it: everything
 * else calls a query function instead of naming a table.
 */
export const TABLE = {
  installation: tableOf(Installation),
  subscription: tableOf(WebhookSubscription),
  serviceKey: tableOf(ServiceKey),
  lifecycleToken: tableOf(LifecycleTokenUse),
  log: tableOf(WebhookLog),
  dedup: tableOf(DedupKey),
  customSource: tableOf(CustomSource),
  flow: tableOf(Flow),
  flowVersion: tableOf(FlowVersion),
  execution: tableOf(FlowExecution),
  step: tableOf(ExecutionStep),
  bootstrapState: tableOf(BootstrapState),
  entityCache: tableOf(EntityCache),
  explorerHistory: tableOf(ExplorerHistory),
  rateWindow: tableOf(RateWindow),
  jobLock: tableOf(JobLock),
  scheduleFire: tableOf(ScheduleFire),
  audit: tableOf(AuditEntry),
  secret: tableOf(Secret),
} as const;

export type TTableName = keyof typeof TABLE;
