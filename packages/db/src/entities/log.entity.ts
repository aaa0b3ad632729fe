import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type LogOutcome = 'queued' | 'no_match' | 'duplicate' | 'rejected';
export type SignatureResult = 'valid' | 'invalid' | 'unverified' | 'not_checked';

/** One row per request received on /webhooks/*: the searchable audit log. */
export const WebhookLog = defineEntity({
  name: 'WebhookLog',
  tableName: 'universal_webhook_log',
  indexes: [
    { properties: ['workspaceId', 'id'] },
    { properties: ['workspaceId', 'eventType', 'id'] },
    { properties: ['workspaceId', 'outcome', 'id'] },
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
    headers: p.json<Record<string, string>>(),
    receivedAt: epochMs(),
    signature: p.string().length(16).$type<SignatureResult>(),
    dedupKey: p.string().length(128).nullable(),
    outcome: p.string().length(16).$type<LogOutcome>(),
    reason: p.string().length(256).nullable(),
    flowIds: p.json<string[]>(),
    redacted: p.json<string[]>(),
    sizeBytes: p.integer(),
  },
});
export type TWebhookLog = InferEntity<typeof WebhookLog>;

/** Dedup keys seen per workspace; the unique key makes concurrent duplicates lose the race cleanly. */
export const DedupKey = defineEntity({
  name: 'DedupKey',
  tableName: 'universal_webhook_dedup',
  indexes: [{ properties: ['expiresAt'] }],
  uniques: [{ properties: ['workspaceId', 'dedupKey'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    dedupKey: p.string().length(128),
    logId: p.string().length(36),
    expiresAt: epochMs(),
  },
});
export type TDedupKey = InferEntity<typeof DedupKey>;

export type SourceVerification =
  | { kind: 'none' }
  | { kind: 'bearer' }
  | { kind: 'hmac'; header: string; encoding: 'hex' | 'base64'; prefix?: string }
  | { kind: 'github' }
  | { kind: 'stripe'; toleranceSeconds: number }
  | { kind: 'standard' };

/** A custom webhook source: `POST /webhooks/custom/{publicId}`. */
export const CustomSource = defineEntity({
  name: 'CustomSource',
  tableName: 'universal_webhook_custom_source',
  indexes: [{ properties: ['workspaceId'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    publicId: p.string().length(64).unique(),
    name: p.string().length(128),
    verification: p.json<SourceVerification>(),
    /** Encrypted secrets, newest first; two may be live during a rotation. */
    secretCiphers: p.json<string[]>(),
    idHeader: p.string().length(128).nullable(),
    eventTypeHeader: p.string().length(128).nullable(),
    ratePerMinute: p.integer(),
    enabled: p.boolean(),
    createdAt: epochMs(),
    updatedAt: epochMs(),
  },
});
export type TCustomSource = InferEntity<typeof CustomSource>;
