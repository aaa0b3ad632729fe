import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

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
