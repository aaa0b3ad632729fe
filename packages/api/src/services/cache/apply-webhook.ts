import { cacheEffectOfEvent, entityIdOfEvent } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { DAY_MS, deleteEntity, upsertEntities } from './cache-store';
import { nameOf } from './items-of';

export type TCacheUpdate = { action: 'upsert' | 'delete' | 'none'; entityType: string | null; entityId: string | null };

const NONE: TCacheUpdate = { action: 'none', entityType: null, entityId: null };

/**
 * Keeps the entity cache fresh from a Clockify webhook: upserts or deletes the entity the event names,
 * by the payload's id (`cacheEffectOfEvent`). One statement, no reads; events that name no single
 * entity do nothing. `ttlDays` is the workspace's `cache_ttl_days` when the caller has it at hand.
 */
export async function applyWebhookToCache(
  deps: TApiDeps,
  workspaceId: string,
  eventType: string,
  payload: unknown,
  opts: { ttlDays?: number; now?: number } = {},
): Promise<TCacheUpdate> {
  const effect = cacheEffectOfEvent(eventType);
  const entityId = effect ? entityIdOfEvent(eventType, payload) : null;
  if (!effect || !entityId || !workspaceId) return NONE;
  const key = { entityType: effect.entityType, entityId };
  if (effect.action === 'delete') {
    await deleteEntity(deps.db, workspaceId, key);

    return { action: 'delete', ...key };
  }
  const ttlMs = (opts.ttlDays ?? deps.config.settingsDefaults.cache_ttl_days) * DAY_MS;
  await upsertEntities(deps.db, workspaceId, {
    entities: [{ ...key, name: nameOf(payload), data: payload }],
    now: opts.now ?? Date.now(),
    ttlMs,
  });

  return { action: 'upsert', ...key };
}
