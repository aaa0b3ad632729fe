import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

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
