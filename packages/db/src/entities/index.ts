import { AuditEntry } from './audit-entry.entity';
import { BootstrapState } from './bootstrap-state.entity';
import { CustomSource } from './custom-source.entity';
import { DedupKey } from './dedup-key.entity';
import { EntityCache } from './entity-cache.entity';
import { ExecutionStep } from './execution-step.entity';
import { ExplorerHistory } from './explorer-history.entity';
import { FlowExecution } from './flow-execution.entity';
import { FlowVersion } from './flow-version.entity';
import { Flow } from './flow.entity';
import { Installation } from './installation.entity';
import { JobLock } from './job-lock.entity';
import { LifecycleTokenUse } from './lifecycle-token-use.entity';
import { RateWindow } from './rate-window.entity';
import { ScheduleFire } from './schedule-fire.entity';
import { Secret } from './secret.entity';
import { ServiceKey } from './service-key.entity';
import { WebhookLog } from './webhook-log.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export * from './audit-entry.entity';
export * from './bootstrap-state.entity';
export * from './custom-source.entity';
export * from './dedup-key.entity';
export * from './entity-cache.entity';
export * from './execution-step.entity';
export * from './explorer-history.entity';
export * from './flow-execution.entity';
export * from './flow-version.entity';
export * from './flow.entity';
export * from './installation.entity';
export * from './job-lock.entity';
export * from './lifecycle-token-use.entity';
export * from './rate-window.entity';
export * from './schedule-fire.entity';
export * from './secret.entity';
export * from './service-key.entity';
export * from './webhook-log.entity';
export * from './webhook-subscription.entity';

/** Listed explicitly (no folder discovery): the order is irrelevant, completeness is not. */
export const ALL_ENTITIES = [
  Installation,
  WebhookSubscription,
  ServiceKey,
  LifecycleTokenUse,
  WebhookLog,
  DedupKey,
  CustomSource,
  Flow,
  FlowVersion,
  FlowExecution,
  ExecutionStep,
  BootstrapState,
  EntityCache,
  ExplorerHistory,
  RateWindow,
  JobLock,
  ScheduleFire,
  AuditEntry,
  Secret,
];
