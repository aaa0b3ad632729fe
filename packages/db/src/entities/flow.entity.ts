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
  },
});
export type TFlow = InferEntity<typeof Flow>;
