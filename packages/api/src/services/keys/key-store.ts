import { randomBytes } from 'node:crypto';

import { newId, ServiceKey } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound } from '../../errors';
import { SERVICE_KEY_PREFIX } from '../auth/caller';
import { sha256Hex } from '../security/token-cipher';

type TScope = { workspaceId: string; userId: string | null };

/** Creates a key for one workspace; the key is returned once and only its hash is stored. */
export async function createKey(deps: TApiDeps, scope: TScope, name: string) {
  const key = `${SERVICE_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = {
    id: newId(),
    workspaceId: scope.workspaceId,
    name,
    keyHash: sha256Hex(key),
    prefix: key.slice(0, 10),
    createdBy: scope.userId,
    createdAt: Date.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.db.fork().insert(ServiceKey, row);
  const { keyHash: _hash, ...view } = row;

  return { ...view, key };
}

export async function listKeys(deps: TApiDeps, scope: TScope) {
  const rows = await deps.db.fork().find(ServiceKey, { workspaceId: scope.workspaceId }, { orderBy: { createdAt: 'desc' } });

  return rows.map(({ keyHash: _hash, ...view }) => view);
}

export async function revokeKey(deps: TApiDeps, scope: TScope, id: string) {
  const n = await deps.db
    .fork()
    .nativeUpdate(ServiceKey, { id, workspaceId: scope.workspaceId, revokedAt: null }, { revokedAt: Date.now() });
  if (n === 0) throw notFound('service key');

  return { id, revoked: true };
}
