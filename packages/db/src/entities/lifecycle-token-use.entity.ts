import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, workspaceColumn } from './columns';

/**
 * Every lifecycle token already accepted, by sha256, until it expires (a day when it carries no `exp`):
 * Clockify's lifecycle callbacks are one-shot, so the same token twice is a replay and is refused.
 */
export const LifecycleTokenUse = defineEntity({
  name: 'LifecycleTokenUse',
  tableName: 'universal_webhook_lifecycle_token',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    tokenHash: p.string().length(64).primary(),
    workspaceId: workspaceColumn(),
    usedAt: epochMs(),
    expiresAt: epochMs(),
  },
});
export type TLifecycleTokenUse = InferEntity<typeof LifecycleTokenUse>;
