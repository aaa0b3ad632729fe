import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

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
