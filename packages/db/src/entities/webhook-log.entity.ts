import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type TLogOutcome = 'queued' | 'no_match' | 'duplicate' | 'rejected';
export type TSignatureResult = 'valid' | 'invalid' | 'unverified' | 'not_checked';

/** One row per request received on /webhooks/*: the searchable audit log. */
export const WebhookLog = defineEntity({
  name: 'WebhookLog',
  tableName: 'universal_webhook_log',
  indexes: [
    { properties: ['workspaceId', 'id'] },
    { properties: ['workspaceId', 'eventType', 'id'] },
    { properties: ['workspaceId', 'outcome', 'id'] },
    { properties: ['workspaceId', 'sourceId', 'id'] },
    { properties: ['receivedAt'] },
  ],
  properties: {
    id: idColumn(),
    /** Empty string when a rejected request named no workspace we know. */
    workspaceId: workspaceColumn(),
    source: p.string().length(16).$type<'clockify' | 'custom'>(),
    sourceId: p.string().length(64).nullable(),
    eventType: p.string().length(128),
    payload: p.json<unknown>().nullable(),
    /** A custom source's non-JSON body as received (form, text, XML); `payload` holds its parsed view. */
    rawBody: p.text().nullable(),
    headers: p.json<Record<string, string>>(),
    receivedAt: epochMs(),
    signature: p.string().length(16).$type<TSignatureResult>(),
    dedupKey: p.string().length(128).nullable(),
    outcome: p.string().length(16).$type<TLogOutcome>(),
    reason: p.string().length(256).nullable(),
    flowIds: p.json<string[]>(),
    redacted: p.json<string[]>(),
    sizeBytes: p.integer(),
  },
});
export type TWebhookLog = InferEntity<typeof WebhookLog>;
