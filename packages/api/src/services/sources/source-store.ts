import { customSourceQueries, newId, type TSourceVerification, type TCustomSource } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import type { TSourceInput, TSourcePatchInput } from '../../schemas/sources.schemas';
import { generatePublicId, generateSecret } from './secrets';

type TScope = { workspaceId: string };

/** What callers see: never the secrets (only once, at create and rotate). */
export function toSourceView(s: TCustomSource, baseUrl: string) {
  return {
    id: s.id,
    publicId: s.publicId,
    name: s.name,
    verification: s.verification,
    enabled: s.enabled,
    idHeader: s.idHeader,
    eventTypeHeader: s.eventTypeHeader,
    ratePerMinute: s.ratePerMinute,
    liveSecrets: s.secretCiphers.length,
    url: `${baseUrl.replace(/\/+$/, '')}/webhooks/custom/${s.publicId}`,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The caller's sources, newest first, as callers see them. */
export async function listSources(deps: TApiDeps, scope: TScope) {
  const rows = await customSourceQueries.listSources(deps.db, scope.workspaceId);

  return rows.map((s) => toSourceView(s, deps.config.baseUrl));
}

export async function getSourceOrThrow(deps: TApiDeps, scope: TScope, id: string) {
  const source = await customSourceQueries.findSource(deps.db, scope.workspaceId, id);
  if (!source) throw notFound('source');

  return source;
}

/** One of the caller's sources, as callers see it. */
export async function getSourceView(deps: TApiDeps, scope: TScope, id: string) {
  return toSourceView(await getSourceOrThrow(deps, scope, id), deps.config.baseUrl);
}

export async function createSource(deps: TApiDeps, scope: TScope, input: TSourceInput) {
  const verification = input.verification as TSourceVerification;
  const secret = verification.kind === 'none' ? null : (input.secret ?? generateSecret(verification.kind));
  const now = Date.now();
  const source = {
    id: newId(),
    workspaceId: scope.workspaceId,
    publicId: generatePublicId(),
    name: input.name,
    verification,
    secretCiphers: secret ? [deps.cipher.encrypt(secret, scope.workspaceId)] : [],
    idHeader: input.idHeader ?? null,
    eventTypeHeader: input.eventTypeHeader ?? null,
    ratePerMinute: input.ratePerMinute,
    enabled: input.enabled,
    createdAt: now,
    updatedAt: now,
  };
  await customSourceQueries.insertSource(deps.db, source);

  return { source: toSourceView(source, deps.config.baseUrl), secret };
}

/** Rotation: the new secret goes first and the previous one stays live; older ones are dropped. */
export async function rotateSecret(deps: TApiDeps, scope: TScope, input: { id: string; secret?: string }) {
  const { id } = input;
  const source = await getSourceOrThrow(deps, scope, id);
  const secret = input.secret ?? generateSecret(source.verification.kind);
  const secretCiphers = [deps.cipher.encrypt(secret, scope.workspaceId), ...source.secretCiphers].slice(0, 2);
  await customSourceQueries.updateSource(deps.db, scope.workspaceId, { id, patch: { secretCiphers } });

  return { source: toSourceView({ ...source, secretCiphers }, deps.config.baseUrl), secret };
}

export async function updateSource(deps: TApiDeps, scope: TScope, input: { id: string; data: TSourcePatchInput }) {
  const { id, data } = input;
  await getSourceOrThrow(deps, scope, id);
  const patch = Object.fromEntries(
    Object.entries({
      name: data.name,
      enabled: data.enabled,
      idHeader: data.idHeader,
      eventTypeHeader: data.eventTypeHeader,
      ratePerMinute: data.ratePerMinute,
    }).filter(([, v]) => v !== undefined),
  ) as customSourceQueries.TSourcePatch;
  await customSourceQueries.updateSource(deps.db, scope.workspaceId, { id, patch });

  return toSourceView(await getSourceOrThrow(deps, scope, id), deps.config.baseUrl);
}

export async function deleteSource(deps: TApiDeps, scope: TScope, id: string) {
  await getSourceOrThrow(deps, scope, id);
  await customSourceQueries.deleteSource(deps.db, scope.workspaceId, id);

  return { id, deleted: true };
}
