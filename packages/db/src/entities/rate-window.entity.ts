import { defineEntity, p } from '@mikro-orm/core';

/** Shared outbound rate limit: one row per (key, aligned second), counted atomically across processes. */
export const RateWindow = defineEntity({
  name: 'RateWindow',
  tableName: 'universal_webhook_rate_window',
  primaryKeys: ['bucket', 'second'],
  properties: {
    bucket: p.string().length(96).primary(),
    second: p.bigint('number').primary(),
    count: p.integer(),
    /** What the last take granted (a block of slots leased to one process); read back by that take. */
    granted: p.integer().default(0),
  },
});
