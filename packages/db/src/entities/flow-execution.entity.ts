import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

/**
 * `waiting`: parked by a wait node until `runAfter` (its resume time); it holds no worker meanwhile.
 * `filtered`: ended by its conditions before any action acted (`succeeded`: it acted).
 */
export type TExecutionStatus = 'queued' | 'waiting' | 'running' | 'succeeded' | 'filtered' | 'failed' | 'cancelled';

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
    status: p.string().length(16).$type<TExecutionStatus>(),
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
    /** When someone asked to cancel it: a running one stops at its next step boundary, the others at once. */
    cancelRequestedAt: epochMs().nullable(),
    /** Who asked (a user id, `key:<id>` for a service key), and the line the timeline shows. */
    cancelledBy: p.string().length(64).nullable(),
    cancelReason: p.string().length(300).nullable(),
  },
});
export type TFlowExecution = InferEntity<typeof FlowExecution>;
