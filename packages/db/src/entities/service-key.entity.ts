import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

/** What a service key may do: `read` < `write` (flows, replays, retries) < `admin` (keys, sources, destructive calls). */
export type TServiceKeyScope = 'read' | 'write' | 'admin';

export const ServiceKey = defineEntity({
  name: 'ServiceKey',
  tableName: 'universal_webhook_service_key',
  indexes: [{ properties: ['workspaceId'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: p.string().length(128),
    /** sha256 of the key; the key itself is shown once and never stored. */
    keyHash: p.string().length(64).unique(),
    prefix: p.string().length(16),
    scope: p.string().length(16).$type<TServiceKeyScope>().default('read'),
    /** The key that minted this one (null when a workspace admin did); revoking a key revokes its descendants. */
    parentKeyId: p.string().length(36).nullable(),
    createdBy: p.string().length(64).nullable(),
    createdAt: epochMs(),
    /** Refused from this instant on; null: never expires. */
    expiresAt: epochMs().nullable(),
    /** Written at most once a minute per key. */
    lastUsedAt: epochMs().nullable(),
    revokedAt: epochMs().nullable(),
  },
});
export type TServiceKey = InferEntity<typeof ServiceKey>;
