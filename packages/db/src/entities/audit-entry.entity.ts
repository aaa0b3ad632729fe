import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type TAuditActorKind = 'user' | 'service_key' | 'dev' | 'clockify';

/**
 * One admin change: who (a Clockify user, a service key, the development login, or Clockify itself for settings
 * it sent), when, what (the procedure, e.g. `flows.update`) and to which target. `details` holds what the change
 * was (versions, toggles, setting values) and never a secret value.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'universal_webhook_audit',
  indexes: [{ properties: ['workspaceId', 'id'] }, { properties: ['workspaceId', 'targetId', 'id'] }, { properties: ['at'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    at: epochMs(),
    actorKind: p.string().length(16).$type<TAuditActorKind>(),
    actorId: p.string().length(64).nullable(),
    action: p.string().length(64),
    targetType: p.string().length(32),
    targetId: p.string().length(64).nullable(),
    summary: p.string().length(256),
    details: p.json<Record<string, unknown>>(),
  },
});
export type TAuditEntry = InferEntity<typeof AuditEntry>;
