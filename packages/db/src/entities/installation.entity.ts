import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type InstallationStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';

export const Installation = defineEntity({
  name: 'Installation',
  tableName: 'universal_webhook_installation',
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn().unique(),
    addonId: p.string().length(64),
    status: p.string().length(16).$type<InstallationStatus>(),
    /** AES-256-GCM ciphertext of the installation token (never the plain token). Null after uninstall. */
    tokenCipher: p.text().nullable(),
    apiUrl: p.string().length(512),
    reportsUrl: p.string().length(512),
    ownerUserId: p.string().length(64).nullable(),
    /** Settings saved in Clockify: { [settingId]: value }. The environment fills the rest. */
    settings: p.json<Record<string, unknown>>(),
    installedAt: epochMs(),
    updatedAt: epochMs(),
    uninstalledAt: epochMs().nullable(),
  },
});
export type TInstallation = InferEntity<typeof Installation>;

export const WebhookSubscription = defineEntity({
  name: 'WebhookSubscription',
  tableName: 'universal_webhook_subscription',
  indexes: [{ properties: ['workspaceId', 'eventType'] }],
  uniques: [{ properties: ['workspaceId', 'tokenHash'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    eventType: p.string().length(64),
    /** 'manifest' webhooks arrive with INSTALLED; 'api' ones we registered through Clockify's webhooks API. */
    origin: p.string().length(16).$type<'manifest' | 'api'>(),
    clockifyWebhookId: p.string().length(64).nullable(),
    /** sha256 of the webhook's static authToken: what `clockify-signature` must match. */
    tokenHash: p.string().length(64),
    tokenCipher: p.text(),
    path: p.string().length(256),
    createdAt: epochMs(),
  },
});
export type TWebhookSubscription = InferEntity<typeof WebhookSubscription>;

/** What a service key may do: `read` < `write` (flows, replays, retries) < `admin` (keys, sources, destructive calls). */
export type ServiceKeyScope = 'read' | 'write' | 'admin';

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
    scope: p.string().length(16).$type<ServiceKeyScope>().default('read'),
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
