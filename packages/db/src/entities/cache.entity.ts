import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type BootstrapStatus = 'pending' | 'running' | 'completed' | 'completed_with_errors' | 'failed';

export const BootstrapState = defineEntity({
  name: 'BootstrapState',
  tableName: 'universal_webhook_bootstrap_state',
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn().unique(),
    status: p.string().length(32).$type<BootstrapStatus>(),
    plan: p.json<unknown[]>(),
    opsDone: p.integer(),
    opsTotal: p.integer(),
    pages: p.integer(),
    entities: p.integer(),
    errors: p.json<{ operationId: string; message: string; at: number }[]>(),
    /** Resume point: the index of the operation in the plan and the next page. */
    cursor: p.json<{ op: number; page: number }>(),
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: epochMs().nullable(),
    startedAt: epochMs().nullable(),
    finishedAt: epochMs().nullable(),
    etaAt: epochMs().nullable(),
    updatedAt: epochMs(),
  },
});
export type TBootstrapState = InferEntity<typeof BootstrapState>;

export const EntityCache = defineEntity({
  name: 'EntityCache',
  tableName: 'universal_webhook_entity_cache',
  indexes: [{ properties: ['workspaceId', 'entityType', 'name'] }, { properties: ['expiresAt'] }],
  uniques: [{ properties: ['workspaceId', 'entityType', 'entityId'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    entityType: p.string().length(64),
    entityId: p.string().length(128),
    name: p.string().length(256).nullable(),
    data: p.json<unknown>(),
    fetchedAt: epochMs(),
    expiresAt: epochMs(),
  },
});
export type TEntityCache = InferEntity<typeof EntityCache>;

export const ExplorerHistory = defineEntity({
  name: 'ExplorerHistory',
  tableName: 'universal_webhook_explorer_history',
  indexes: [{ properties: ['workspaceId', 'userId', 'id'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: p.string().length(64),
    operationId: p.string().length(128),
    method: p.string().length(8),
    url: p.string().length(2048),
    request: p.json<Record<string, unknown>>(),
    status: p.integer(),
    latencyMs: p.integer(),
    response: p.json<unknown>().nullable(),
    createdAt: epochMs(),
  },
});
export type TExplorerHistory = InferEntity<typeof ExplorerHistory>;

/** Shared outbound rate limit: one row per (key, aligned second), counted atomically across processes. */
export const RateWindow = defineEntity({
  name: 'RateWindow',
  tableName: 'universal_webhook_rate_window',
  primaryKeys: ['bucket', 'second'],
  properties: {
    bucket: p.string().length(96).primary(),
    second: p.bigint('number').primary(),
    count: p.integer(),
  },
});

/** Periodic jobs run once per period across all processes: whoever moves `lockedUntil` runs it. */
export const JobLock = defineEntity({
  name: 'JobLock',
  tableName: 'universal_webhook_job_lock',
  properties: {
    name: p.string().length(64).primary(),
    owner: p.string().length(64).nullable(),
    lockedUntil: epochMs(),
    lastRunAt: epochMs().nullable(),
  },
});
