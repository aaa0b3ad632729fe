import { flowQueries, newId, type TFlow } from '@uw/db';
import type { TFlowDefinition } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import type { TFlowIndex } from '../ingest/flow-index';
import type { TFlowInput, TFlowUpdate } from './flow-schemas';
import { resolveMaskedHeaders, showDefinition } from './masking';
import { knownSecretNames } from '../secrets/secret-usage';
import { assertValidDefinition, triggerKeysOf } from './validate-definition';

export type TScope = { workspaceId: string; userId: string | null };

/**
 * What a change to flows needs: the database, and the flow index, reloaded once the change is committed so the
 * next webhook of this process already matches (or no longer matches) the flow. The runtime is one.
 */
export type TFlowWriter = { deps: TApiDeps; flowIndex: Pick<TFlowIndex, 'refresh'> };

/** Every read and write is scoped by the caller's workspace; another workspace's flow is simply not found. */
export async function getFlowOrThrow(deps: TApiDeps, scope: TScope, id: string): Promise<TFlow> {
  const flow = await flowQueries.findFlow(deps.db, scope.workspaceId, id);
  if (!flow) throw notFound('flow');

  return flow;
}

/** The caller's flows (not deleted), newest first. */
export async function listFlows(deps: TApiDeps, scope: TScope): Promise<TFlow[]> {
  return flowQueries.listFlows(deps.db, scope.workspaceId);
}

/** A flow with its current version's definition, secrets masked. */
export async function getFlowWithDefinition(deps: TApiDeps, scope: TScope, id: string) {
  const flow = await getFlowOrThrow(deps, scope, id);
  const version = await flowQueries.findVersion(deps.db, scope.workspaceId, { id: flow.currentVersionId });
  if (!version) throw notFound('current version of the flow');

  return { ...flow, definition: showDefinition(version.definition) };
}

function versionRow(scope: TScope, next: { flowId: string; version: number; definition: TFlowDefinition }) {
  const { flowId, version, definition } = next;
  return {
    id: newId(),
    workspaceId: scope.workspaceId,
    flowId,
    version,
    definition,
    triggerKeys: triggerKeysOf(definition),
    createdBy: scope.userId,
    createdAt: Date.now(),
  };
}

/** The definition of the flow's current version, or of version number `version`. */
export async function currentDefinition(
  deps: TApiDeps,
  scope: TScope,
  wanted: { flowId: string; version?: number },
): Promise<TFlowDefinition> {
  const { flowId, version } = wanted;
  const flow = await getFlowOrThrow(deps, scope, flowId);
  const which = version === undefined ? { id: flow.currentVersionId } : { flowId: flow.id, version };
  const row = await flowQueries.findVersion(deps.db, scope.workspaceId, which);
  if (!row) throw notFound(`version ${version} of the flow`);

  return row.definition;
}

export async function createFlow(writer: TFlowWriter, scope: TScope, input: TFlowInput) {
  const definition = await resolveMaskedHeaders(input.definition, async () => null);

  return insertNewFlow(writer, scope, { ...input, definition });
}

/**
 * A new flow with version 1 of `input.definition` as it is (masked header values included: imports and
 * duplicates call this directly; `createFlow` resolves them first).
 */
export async function insertNewFlow(writer: TFlowWriter, scope: TScope, input: TFlowInput) {
  const { deps } = writer;
  const definition = input.definition;
  assertValidDefinition(deps, definition, await knownSecretNames(deps, scope.workspaceId, definition));
  const now = Date.now();
  const flowId = newId();
  const version = versionRow(scope, { flowId, version: 1, definition });
  await flowQueries.insertFlow(
    deps.db,
    {
      id: flowId,
      workspaceId: scope.workspaceId,
      name: input.name,
      description: input.description ?? null,
      enabled: input.enabled,
      maxConcurrent: input.maxConcurrent ?? null,
      maxPerMinute: input.maxPerMinute ?? null,
      currentVersionId: version.id,
      currentVersion: 1,
      lastRunStatus: null,
      lastRunAt: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    },
    version,
  );
  await writer.flowIndex.refresh();

  return getFlowOrThrow(deps, scope, flowId);
}

/** A changed definition makes a new immutable version; name/enabled changes do not. */
export async function updateFlow(writer: TFlowWriter, scope: TScope, input: TFlowUpdate) {
  const { deps } = writer;
  const flow = await getFlowOrThrow(deps, scope, input.id);
  const { definition: sent, baseVersion, ...fields } = input.data;
  // Headers are shown masked; a value sent back still masked keeps what is stored in the version the document
  // came from (see `resolveMaskedHeaders`).
  const definition =
    sent && (await resolveMaskedHeaders(sent, () => currentDefinition(deps, scope, { flowId: flow.id, version: baseVersion })));
  if (definition) assertValidDefinition(deps, definition, await knownSecretNames(deps, scope.workspaceId, definition));
  await flowQueries.updateFlow(deps.db, scope.workspaceId, {
    id: flow.id,
    patch: { ...stripUndefined(fields), updatedAt: Date.now() },
    version: definition ? versionRow(scope, { flowId: flow.id, version: flow.currentVersion + 1, definition }) : undefined,
  });
  await writer.flowIndex.refresh();

  return getFlowOrThrow(deps, scope, flow.id);
}

export async function deleteFlow(writer: TFlowWriter, scope: TScope, id: string) {
  const flow = await getFlowOrThrow(writer.deps, scope, id);
  await flowQueries.markFlowDeleted(writer.deps.db, scope.workspaceId, { id: flow.id, now: Date.now() });
  await writer.flowIndex.refresh();

  return { id: flow.id, deleted: true };
}

/** Every version of the flow, newest first, secrets masked. */
export async function listVersions(deps: TApiDeps, scope: TScope, flowId: string) {
  await getFlowOrThrow(deps, scope, flowId);
  const versions = await flowQueries.listVersions(deps.db, scope.workspaceId, flowId);

  return versions.map((v) => ({ ...v, definition: showDefinition(v.definition) }));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
