import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

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
