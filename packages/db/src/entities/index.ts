import { BootstrapState, EntityCache, ExplorerHistory, JobLock, RateWindow } from './cache.entity';
import { ExecutionStep, Flow, FlowExecution, FlowVersion } from './flow.entity';
import { Installation, ServiceKey, WebhookSubscription } from './installation.entity';
import { LifecycleTokenUse } from './lifecycle.entity';
import { CustomSource, DedupKey, WebhookLog } from './log.entity';

export * from './cache.entity';
export * from './flow.entity';
export * from './installation.entity';
export * from './lifecycle.entity';
export * from './log.entity';

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
];
