import { defineEntity, p } from '@mikro-orm/core';

import { epochMs } from './columns';

/** Periodic jobs run once per period across all processes: whoever moves `lockedUntil` runs it. */
export const JobLock = defineEntity({
  name: 'JobLock',
  tableName: 'universal_webhook_job_lock',
  properties: {
    name: p.string().length(64).primary(),
    owner: p.string().length(64).nullable(),
    lockedUntil: epochMs(),
    lastRunAt: epochMs().nullable(),
  },
});
