import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

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
    /** The step key: the node id (≤ 100), with `#<item path>` inside loops. */
    nodeId: p.string().length(200).nullable(),
    kind: p.string().length(32),
    status: p.string().length(16),
    attempt: p.integer(),
    request: p.json<unknown>().nullable(),
    response: p.json<unknown>().nullable(),
    error: p.json<Record<string, unknown>>().nullable(),
    /** `<execution id>:<step key>`. */
    idempotencyKey: p.string().length(255).nullable(),
    latencyMs: p.integer().nullable(),
    createdAt: epochMs(),
  },
});
export type TExecutionStep = InferEntity<typeof ExecutionStep>;
