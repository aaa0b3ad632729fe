import { z } from 'zod';

import { customSourceQueries } from '@uw/db';
import { ZFlowDefinitionSchema } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { currentDefinition, getFlowOrThrow, type TScope } from './flow-store';
import { portableDefinition } from './portable-definition';

export const FLOW_DOCUMENT_FORMAT = 'uw-flow';
export const FLOW_DOCUMENT_VERSION = 1;

/** The envelope of an exported flow; `definition` is checked apart (schema and graph), so its issues name their node. */
export const ZFlowDocumentEnvelopeSchema = z.object({
  format: z.literal(FLOW_DOCUMENT_FORMAT, { error: `not a flow export: "format" must be "${FLOW_DOCUMENT_FORMAT}"` }),
  version: z
    .number({ error: '"version" must be a number' })
    .int()
    .refine((v) => v <= FLOW_DOCUMENT_VERSION, `written by a newer version of the add-on; this one reads version ${FLOW_DOCUMENT_VERSION}`)
    .refine((v) => v >= 1, 'unknown document version'),
  name: z.string({ error: 'the flow needs a name' }).trim().min(1, 'the flow needs a name').max(200),
  description: z.string().max(2000).nullish(),
  definition: z.unknown(),
  exportedAt: z.string().max(40).optional(),
});

/** What `flows.export` returns and `flows.import` reads. */
export const ZFlowDocumentSchema = ZFlowDocumentEnvelopeSchema.extend({
  format: z.literal(FLOW_DOCUMENT_FORMAT),
  version: z.literal(FLOW_DOCUMENT_VERSION),
  description: z.string().nullable(),
  definition: ZFlowDefinitionSchema,
  exportedAt: z.string(),
});
export type TFlowDocument = z.infer<typeof ZFlowDocumentSchema>;

/**
 * A flow (its current version, or version `version`) as a portable document: no workspace or flow ids, no
 * header values but `$secret(…)` references, custom sources by name. Another workspace's flow is not found.
 */
export async function exportFlow(deps: TApiDeps, scope: TScope, input: { id: string; version?: number }): Promise<TFlowDocument> {
  const flow = await getFlowOrThrow(deps, scope, input.id);
  const definition = await currentDefinition(deps, scope, { flowId: flow.id, version: input.version });
  const sources = await customSourceQueries.listSources(deps.db, scope.workspaceId);

  return {
    format: FLOW_DOCUMENT_FORMAT,
    version: FLOW_DOCUMENT_VERSION,
    name: flow.name,
    description: flow.description ?? null,
    definition: portableDefinition(definition, {
      workspaceId: scope.workspaceId,
      sourceNames: new Map(sources.map((s) => [s.id, s.name])),
    }),
    exportedAt: new Date().toISOString(),
  };
}
