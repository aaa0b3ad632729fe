import { defineEntity, p } from '@mikro-orm/core';

import { epochMs, workspaceColumn } from './columns';

/**
 * One row per fired tick of a `schedule` flow: its primary key (flow, tick time) is what makes a tick fire
 * once across all processes (the row and the execution are inserted in one transaction; a second
 * insert of the same tick does nothing). The latest row per flow is where the next tick is looked for.
 */
export const ScheduleFire = defineEntity({
  name: 'ScheduleFire',
  tableName: 'universal_webhook_schedule_fire',
  indexes: [{ properties: ['workspaceId'] }],
  properties: {
    flowId: p.string().length(36).primary(),
    tickAt: epochMs().primary(),
    workspaceId: workspaceColumn(),
    executionId: p.string().length(36),
    firedAt: epochMs(),
  },
});
