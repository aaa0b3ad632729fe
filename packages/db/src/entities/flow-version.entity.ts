import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

import type { TFlowDefinition } from '@uw/flow-engine';

import { epochMs, idColumn, workspaceColumn } from './columns';

/** Every save of a flow makes an immutable version; executions record the one they ran. */
export const FlowVersion = defineEntity({
  name: 'FlowVersion',
  tableName: 'universal_webhook_flow_version',
  indexes: [{ properties: ['workspaceId'] }],
  uniques: [{ properties: ['flowId', 'version'] }],
  properties: {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    flowId: p.string().length(36),
    version: p.integer(),
    definition: p.json<TFlowDefinition>(),
    /** Trigger summary used by the in-memory match index: 'clockify:EVENT' or 'custom:<sourceId>' keys. */
    triggerKeys: p.json<string[]>(),
    createdBy: p.string().length(64).nullable(),
    createdAt: epochMs(),
  },
});
export type TFlowVersion = InferEntity<typeof FlowVersion>;
