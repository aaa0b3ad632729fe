import { z } from 'zod';

import { customSourceQueries, newId, type SourceVerification, type TCustomSource } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import { generatePublicId, generateSecret } from './secrets';

export const ZVerificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer') }),
  z.object({
    kind: z.literal('hmac'),
    header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    encoding: z.enum(['hex', 'base64']),
    prefix: z.string().max(32).optional(),
  }),
  z.object({ kind: z.literal('github') }),
  z.object({ kind: z.literal('stripe'), toleranceSeconds: z.number().int().min(30).max(3600).default(300) }),
  z.object({ kind: z.literal('standard') }),
]);

const header = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name');
export const ZSourceInputSchema = z.object({
  name: z.string().trim().min(1).max(128),
  verification: ZVerificationSchema,
  /** Bring your own secret (e.g. Stripe's whsec_…); omitted → we generate one. */
  secret: z.string().min(8).max(512).optional(),
  idHeader: header.nullish(),
  eventTypeHeader: header.nullish(),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
  enabled: z.boolean().default(true),
});

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

export async function createSource(deps: TApiDeps, scope: TScope, input: z.infer<typeof ZSourceInputSchema>) {
  const verification = input.verification as SourceVerification;
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
export async function rotateSecret(deps: TApiDeps, scope: TScope, id: string, given?: string) {
  const source = await getSourceOrThrow(deps, scope, id);
  const secret = given ?? generateSecret(source.verification.kind);
  const secretCiphers = [deps.cipher.encrypt(secret, scope.workspaceId), ...source.secretCiphers].slice(0, 2);
  await customSourceQueries.updateSource(deps.db, scope.workspaceId, { id, patch: { secretCiphers } });

  return { source: toSourceView({ ...source, secretCiphers }, deps.config.baseUrl), secret };
}

export async function updateSource(deps: TApiDeps, scope: TScope, id: string, data: Partial<z.infer<typeof ZSourceInputSchema>>) {
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
