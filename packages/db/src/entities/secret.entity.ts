import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

/**
 * A workspace secret that action fields use as `$secret("name")`. The value is stored only encrypted
 * (`v1.<keyId>.…`, AAD `<workspace>:secret:<id>`) and is never returned after it is written.
 */
export const Secret = defineEntity({
  name: 'Secret',
  tableName: 'universal_webhook_secret',
  uniques: [{ properties: ['workspaceId', 'name'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    name: p.string().length(64),
    description: p.text().nullable(),
    valueCipher: p.text(),
    createdAt: epochMs(),
    createdBy: p.string().length(64).nullable(),
    updatedAt: epochMs(),
    updatedBy: p.string().length(64).nullable(),
  },
});
export type TSecret = InferEntity<typeof Secret>;
