import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import type { TFlowDefinition } from '@uw/flow-engine';

import { epochMs, idColumn, workspaceColumn } from './columns';

export const Flow = defineEntity({
  name: 'Flow',
  tableName: 'universal_webhook_flow',
  indexes: [{ properties: ['workspaceId', 'enabled'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: p.string().length(200),
    description: p.text().nullable(),
    enabled: p.boolean(),
    currentVersionId: p.string().length(36),
    currentVersion: p.integer(),
    lastRunStatus: p.string().length(16).nullable(),
    lastRunAt: epochMs().nullable(),
    createdAt: epochMs(),
    updatedAt: epochMs(),
    deletedAt: epochMs().nullable(),
  },
});
export type TFlow = InferEntity<typeof Flow>;

/** Every save of a flow makes an immutable version; executions record the one they ran. */
export const FlowVersion = defineEntity({
  name: 'FlowVersion',
  tableName: 'universal_webhook_flow_version',
  indexes: [{ properties: ['workspaceId'] }],
  uniques: [{ properties: ['flowId', 'version'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    flowId: p.string().length(36),
    version: p.integer(),
    definition: p.json<TFlowDefinition>(),
    /** Trigger summary used by the in-memory match index: 'clockify:EVENT' or 'custom:<sourceId>' keys. */
    triggerKeys: p.json<string[]>(),
    createdBy: p.string().length(64).nullable(),
    createdAt: epochMs(),
  },
});
export type TFlowVersion = InferEntity<typeof FlowVersion>;

export type ExecutionStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** The execution queue: claimed with a lease, fenced by leaseToken. */
export const FlowExecution = defineEntity({
  name: 'FlowExecution',
  tableName: 'universal_webhook_flow_execution',
  indexes: [
    { properties: ['status', 'runAfter'] },
    { properties: ['workspaceId', 'flowId', 'id'] },
    { properties: ['workspaceId', 'status', 'id'] },
    { properties: ['logId'] },
  ],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    flowId: p.string().length(36),
    flowVersionId: p.string().length(36),
    logId: p.string().length(36).nullable(),
    status: p.string().length(16).$type<ExecutionStatus>(),
    attempts: p.integer(),
    runAfter: epochMs(),
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: epochMs().nullable(),
    leaseToken: p.integer(),
    /** The trigger input: { event, payload, headers }. */
    trigger: p.json<Record<string, unknown>>(),
    error: p.json<Record<string, unknown>>().nullable(),
    retryOf: p.string().length(36).nullable(),
    createdAt: epochMs(),
    startedAt: epochMs().nullable(),
    finishedAt: epochMs().nullable(),
  },
});
export type TFlowExecution = InferEntity<typeof FlowExecution>;

/** The execution's journal and timeline: conditions, each attempt of each step, lease expiries. */
export const ExecutionStep = defineEntity({
  name: 'ExecutionStep',
  tableName: 'universal_webhook_execution_step',
  indexes: [{ properties: ['executionId', 'seq'] }, { properties: ['workspaceId'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    executionId: p.string().length(36),
    seq: p.integer(),
    nodeId: p.string().length(64).nullable(),
    kind: p.string().length(32),
    status: p.string().length(16),
    attempt: p.integer(),
    request: p.json<unknown>().nullable(),
    response: p.json<unknown>().nullable(),
    error: p.json<Record<string, unknown>>().nullable(),
    idempotencyKey: p.string().length(128).nullable(),
    latencyMs: p.integer().nullable(),
    createdAt: epochMs(),
  },
});
export type TExecutionStep = InferEntity<typeof ExecutionStep>;
