import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type TSourceVerification =
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
    verification: p.json<TSourceVerification>(),
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
