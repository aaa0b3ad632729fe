import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import { epochMs, idColumn, workspaceColumn } from './columns';

export type TBootstrapStatus = 'pending' | 'running' | 'completed' | 'completed_with_errors' | 'failed';

export const BootstrapState = defineEntity({
  name: 'BootstrapState',
  tableName: 'universal_webhook_bootstrap_state',
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn().unique(),
    status: p.string().length(32).$type<TBootstrapStatus>(),
    plan: p.json<unknown[]>(),
    opsDone: p.integer(),
    opsTotal: p.integer(),
    pages: p.integer(),
    entities: p.integer(),
    errors: p.json<{ operationId: string; message: string; at: number }[]>(),
    /** Resume point: the index of the operation in the plan and the next page. */
    cursor: p.json<{ op: number; page: number }>(),
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: epochMs().nullable(),
    startedAt: epochMs().nullable(),
    finishedAt: epochMs().nullable(),
    etaAt: epochMs().nullable(),
    updatedAt: epochMs(),
  },
});
export type TBootstrapState = InferEntity<typeof BootstrapState>;
