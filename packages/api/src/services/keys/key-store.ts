import { randomBytes } from 'node:crypto';

import { newId, serviceKeyQueries, type TServiceKey } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { SERVICE_KEY_PREFIX, type TCaller } from '../auth/caller';
import { scopeCovers, type TKeyScope } from '../auth/scopes';
import { sha256Hex } from '../security/token-cipher';
import { descendantsOf } from './key-tree';

export type TCreateKeyInput = { name: string; scope: TKeyScope; expiresAt?: number };

/** What a new key may be: never more than the key minting it (scope, expiry), never already expired. */
function grantFor(caller: TCaller, input: TCreateKeyInput, now: number): { scope: TKeyScope; expiresAt: number | null } {
  if (input.expiresAt !== undefined && input.expiresAt <= now) {
    throw new UserError('VALIDATION_FAILED', 'expiresAt must be in the future (epoch milliseconds)');
  }
  const parent = caller.key;
  if (!parent) {
    return { scope: input.scope, expiresAt: input.expiresAt ?? null };
  }
  if (!scopeCovers(parent.scope, input.scope)) {
    throw new UserError('FORBIDDEN', `a "${parent.scope}" key cannot mint a "${input.scope}" key: a key never grants more than it has`);
  }
  if (parent.expiresAt !== null && input.expiresAt !== undefined && input.expiresAt > parent.expiresAt) {
    const until = new Date(parent.expiresAt).toISOString();
    throw new UserError('FORBIDDEN', `this key expires at ${until}; the keys it mints cannot outlive it`);
  }

  return { scope: input.scope, expiresAt: input.expiresAt ?? parent.expiresAt };
}

function toKeyView({ keyHash: _hash, ...row }: TServiceKey, now = Date.now()) {
  const expiresAt = row.expiresAt ?? null;
  const state = row.revokedAt ? 'revoked' : expiresAt !== null && expiresAt <= now ? 'expired' : 'active';

  return {
    ...row,
    parentKeyId: row.parentKeyId ?? null,
    expiresAt,
    lastUsedAt: row.lastUsedAt ?? null,
    revokedAt: row.revokedAt ?? null,
    state: state as 'active' | 'revoked' | 'expired',
  };
}

/**
 * Creates a key for the caller's workspace; the key is returned once and only its hash is stored. A key
 * minted by a key records it as its parent, inside a transaction that holds the parent (a parent being
 * revoked at the same moment either sees the child or refuses it).
 */
export async function createKey(deps: TApiDeps, caller: TCaller, input: TCreateKeyInput) {
  const now = Date.now();
  const grant = grantFor(caller, input, now);
  const key = `${SERVICE_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: TServiceKey = {
    id: newId(),
    workspaceId: caller.workspaceId,
    name: input.name,
    keyHash: sha256Hex(key),
    prefix: key.slice(0, 10),
    scope: grant.scope,
    parentKeyId: caller.key?.id ?? null,
    createdBy: caller.userId,
    createdAt: now,
    expiresAt: grant.expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  if (!(await serviceKeyQueries.insertKey(deps.db, row))) {
    throw new UserError('UNAUTHORIZED', 'this service key was revoked');
  }

  return { ...toKeyView(row, now), key };
}

/** A workspace admin sees every key of the workspace; a key sees itself and the keys it minted. */
export async function listKeys(deps: TApiDeps, caller: TCaller) {
  const rows = await serviceKeyQueries.listKeys(deps.db, caller.workspaceId);
  const visible = caller.key ? new Set([caller.key.id, ...descendantsOf(rows, caller.key.id)]) : null;

  return rows.filter((r) => !visible || visible.has(r.id)).map((r) => toKeyView(r));
}
