import { cacheEffectOfEvent, entityIdOfEvent } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { applyCacheWrites, DAY_MS, type TCacheWrite } from './cache-store';
import { nameOf } from './items-of';

export type TCacheUpdate = { action: 'upsert' | 'delete' | 'none'; entityType: string | null; entityId: string | null };

const NONE: TCacheUpdate = { action: 'none', entityType: null, entityId: null };

/** A Clockify webhook as the cache reads it. */
export type TWebhookEvent = { workspaceId: string; eventType: string; payload: unknown };

/**
 * The cache change a Clockify webhook implies: upsert or delete the entity the event names, by the
 * payload's id (`cacheEffectOfEvent`). Null for events that name no single entity. The ingest path
 * writes it in the webhook's own commit; `ttlDays` is the workspace's `cache_ttl_days`; `payloadJson`, the payload
 * already serialised (the log row's), is stored as it is.
 */
export function cacheWriteOfWebhook(
  event: TWebhookEvent,
  opts: { ttlDays: number; now?: number; payloadJson?: string | null },
): TCacheWrite | null {
  const { workspaceId, eventType, payload } = event;
  const effect = cacheEffectOfEvent(eventType);
  const entityId = effect ? entityIdOfEvent(eventType, payload) : null;
  if (!effect || !entityId || !workspaceId) return null;
  const key = { workspaceId, entityType: effect.entityType, entityId, now: opts.now ?? Date.now(), ttlMs: opts.ttlDays * DAY_MS };

  if (effect.action === 'delete') return { ...key, delete: true };

  return { ...key, name: nameOf(payload), data: payload, ...(opts.payloadJson ? { dataJson: opts.payloadJson } : {}) };
}

/** Applies a webhook's cache change on its own (outside the ingest path: tools and tests). */
export async function applyWebhookToCache(
  deps: TApiDeps,
  event: TWebhookEvent,
  opts: { ttlDays?: number; now?: number } = {},
): Promise<TCacheUpdate> {
  const write = cacheWriteOfWebhook(event, {
    ttlDays: opts.ttlDays ?? deps.config.settingsDefaults.cache_ttl_days,
    now: opts.now,
  });
  if (!write) return NONE;
  await applyCacheWrites(deps.db, [write]);

  return { action: write.delete ? 'delete' : 'upsert', entityType: write.entityType, entityId: write.entityId };
}
