import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

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
    /** At most this many of its executions run at once (null: no limit of its own); the rest wait queued. */
    maxConcurrent: p.integer().nullable(),
    /** At most this many of its executions start per minute (null: no limit of its own). */
    maxPerMinute: p.integer().nullable(),
    /** The claim's start counter: the window opened by the first start after the last one ended, and its starts. */
    minuteStartedAt: epochMs().nullable(),
    minuteStarts: p.integer().nullable(),
  },
});
export type TFlow = InferEntity<typeof Flow>;
