import { EVENT_TYPES } from '@uw/clockify';
import { customSourceQueries, entityCacheQueries } from '@uw/db';
import { isMaskedHeader, validateFlow, ZFlowDefinitionSchema, type TFlowDefinition } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { knownSecretNames } from '../secrets/secret-usage';
import { clockifyRefsOf } from './clockify-refs';
import { describeIssues, formatPath, locateFlowIssue, nodeFieldPath, type TDocumentIssue } from './document-issues';
import { ZFlowDocumentEnvelopeSchema } from './flow-document';
import { currentDefinition, getFlowOrThrow, insertNewFlow, type TFlowWriter, type TScope } from './flow-store';
import { SOURCE_NAME_PREFIX } from './portable-definition';

export type TDocumentCheck = {
  name: string | null;
  description: string | null;
  /** The definition as it would be stored (custom sources resolved by name); null when it has errors. */
  definition: TFlowDefinition | null;
  errors: TDocumentIssue[];
  warnings: TDocumentIssue[];
};

/** A custom trigger names its source by `@source:<name>` (or an id): the id of that source in this workspace. */
async function resolveSources(deps: TApiDeps, scope: TScope, definition: TFlowDefinition) {
  const warnings: TDocumentIssue[] = [];
  const sources = await customSourceQueries.listSources(deps.db, scope.workspaceId);
  const nodes = definition.nodes.map((node) => {
    if (node.kind !== 'trigger' || node.data.source !== 'custom') return node;
    const sourceId = node.data.sourceId;
    const named = sourceId.startsWith(SOURCE_NAME_PREFIX) ? sourceId.slice(SOURCE_NAME_PREFIX.length) : null;
    const found = sources.find((s) => (named === null ? s.id === sourceId : s.name === named));
    if (found) return { ...node, data: { ...node.data, sourceId: found.id } };
    warnings.push({
      path: nodeFieldPath(definition, node.id, 'data.sourceId'),
      code: 'SOURCE_NOT_FOUND',
      nodeId: node.id,
      message: `this workspace has no webhook source ${named === null ? `with id ${sourceId}` : `named "${named}"`}: create it, then choose it in the trigger`,
    });

    return node;
  });

  return { definition: { ...definition, nodes }, warnings };
}

/** Ids the definition names that this workspace's cache does not hold (they may be another workspace's). */
async function missingClockifyIds(deps: TApiDeps, scope: TScope, definition: TFlowDefinition): Promise<TDocumentIssue[]> {
  const refs = clockifyRefsOf(definition);
  if (refs.length === 0) return [];
  const cached = await entityCacheQueries.findCachedKeys(
    deps.db,
    scope.workspaceId,
    refs.map((r) => ({ entityType: r.entityType, entityId: r.id })),
  );

  return refs
    .filter((r) => !cached.has(`${r.entityType}\n${r.id}`))
    .map((r) => ({
      path: nodeFieldPath(definition, r.nodeId, r.field),
      code: 'CLOCKIFY_ID_NOT_CACHED',
      nodeId: r.nodeId,
      entityType: r.entityType,
      id: r.id,
      message: `${r.entityType} ${r.id} is not in this workspace's cache (node "${r.nodeId}"): it may belong to another workspace`,
    }));
}

function maskedHeaders(definition: TFlowDefinition): TDocumentIssue[] {
  return definition.nodes.flatMap((node) =>
    node.kind !== 'http'
      ? []
      : Object.entries(node.data.headers)
          .filter(([, expression]) => isMaskedHeader(expression))
          .map(([header]) => ({
            path: nodeFieldPath(definition, node.id, `data.headers.${header}`),
            code: 'MASKED_HEADER',
            nodeId: node.id,
            message: `header "${header}" was exported masked: write its value (or $secret("name")) before enabling the flow`,
          })),
  );
}

/** Everything an import would report, without creating anything: the upload preview and `importFlow` share it. */
export async function checkFlowDocument(deps: TApiDeps, scope: TScope, document: unknown): Promise<TDocumentCheck> {
  const envelope = ZFlowDocumentEnvelopeSchema.safeParse(document);
  const errors: TDocumentIssue[] = envelope.success
    ? []
    : envelope.error.issues.map((i) => ({ path: formatPath(i.path) || '(document)', code: 'SCHEMA_INVALID', message: i.message }));
  const raw = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  const parsed = ZFlowDefinitionSchema.safeParse(raw.definition);
  const name = envelope.success ? envelope.data.name : null;
  const description = envelope.success ? (envelope.data.description ?? null) : null;
  if (!parsed.success) {
    if (raw.definition !== undefined || envelope.success) {
      errors.push(
        ...parsed.error.issues.map((i) => ({ path: formatPath(['definition', ...i.path]), code: 'SCHEMA_INVALID', message: i.message })),
      );
    }

    return { name, description, definition: null, errors, warnings: [] };
  }
  const catalogue = deps.catalogue.get();
  // `$secret("name")` references travel as references: a name this workspace has no secret of is an error here too.
  const secrets = await knownSecretNames(deps, scope.workspaceId, parsed.data);
  const issues = validateFlow(parsed.data, {
    operations: catalogue?.operations,
    eventTypes: EVENT_TYPES.map((e) => e.name),
    ...(secrets ? { secrets } : {}),
  });
  errors.push(...issues.filter((i) => i.severity === 'error').map((i) => locateFlowIssue(parsed.data, i)));
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => locateFlowIssue(parsed.data, i));
  const resolved = await resolveSources(deps, scope, parsed.data);
  const definition = resolved.definition;
  warnings.push(...resolved.warnings);
  warnings.push(...maskedHeaders(definition), ...(await missingClockifyIds(deps, scope, definition)));

  return { name, description, definition: errors.length === 0 ? definition : null, errors, warnings };
}

/** Creates a flow, disabled, from an exported document; refuses one with errors (each with its path). */
export async function importFlow(writer: TFlowWriter, scope: TScope, input: { document: unknown; name?: string }) {
  const check = await checkFlowDocument(writer.deps, scope, input.document);
  if (!check.definition || check.errors.length > 0) {
    throw new UserError('VALIDATION_FAILED', describeIssues(check.errors), { issues: check.errors });
  }
  const flow = await insertNewFlow(writer, scope, {
    name: input.name?.trim() || check.name || 'Imported flow',
    description: check.description,
    enabled: false,
    definition: check.definition,
  });

  return { flow, warnings: check.warnings };
}

/** A copy of the flow's current version named "<name> (copy)", disabled, with its own history from version 1. */
export async function duplicateFlow(writer: TFlowWriter, scope: TScope, id: string) {
  const flow = await getFlowOrThrow(writer.deps, scope, id);
  const definition = await currentDefinition(writer.deps, scope, { flowId: flow.id });

  return insertNewFlow(writer, scope, {
    name: `${flow.name.slice(0, 193)} (copy)`,
    description: flow.description,
    enabled: false,
    definition,
  });
}
