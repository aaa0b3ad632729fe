import type { Knex } from '@mikro-orm/knex';

import type { TDatabase } from '../database';
import { ServiceKey, type TServiceKey } from '../entities';
import { TABLE } from './tables';

/** A key and the key that minted it, with whether it is revoked. */
export type TKeyLink = { id: string; parentKeyId: string | null; revoked: boolean };

/** The live (not revoked) key with this hash, in whatever workspace: the key names its workspace. */
export async function findLiveKeyByHash(db: TDatabase, keyHash: string): Promise<TServiceKey | null> {
  return db.fork().findOne(ServiceKey, { keyHash, revokedAt: null });
}

/**
 * Records a use of the key unless one was recorded within `resolutionMs`: conditional, so processes racing
 * on the same key write once per period between them.
 */
export async function touchLastUsed(db: TDatabase, workspaceId: string, args: { id: string; now: number; resolutionMs: number }) {
  const stale = { $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: args.now - args.resolutionMs } }] };
  await db.fork().nativeUpdate(ServiceKey, { id: args.id, workspaceId, ...stale }, { lastUsedAt: args.now });
}

/** Every key of the workspace, newest first. */
export async function listKeys(db: TDatabase, workspaceId: string): Promise<TServiceKey[]> {
  return db.fork().find(ServiceKey, { workspaceId }, { orderBy: { createdAt: 'desc' } });
}

/** Holds a key's row for the transaction (PostgreSQL row lock); false when it is revoked or absent. */
async function lockLiveKey(db: TDatabase, trx: Knex.Transaction, key: { workspaceId: string; id: string }): Promise<boolean> {
  const q = trx(TABLE.serviceKey).where({ workspace_id: key.workspaceId, id: key.id }).first('revoked_at');
  if (db.dialect === 'postgresql') q.forUpdate();
  const row = (await q) as { revoked_at: unknown } | undefined;

  return row !== undefined && row.revoked_at === null;
}

/**
 * Inserts a key; one minted by another key (`parentKeyId`) only while that key is live, checked under its
 * row lock in the same transaction, so a key being revoked cannot mint. False when the parent was not live.
 */
export async function insertKey(db: TDatabase, row: TServiceKey): Promise<boolean> {
  return db.knex().transaction(async (trx) => {
    if (row.parentKeyId && !(await lockLiveKey(db, trx, { workspaceId: row.workspaceId, id: row.parentKeyId }))) return false;
    await trx(TABLE.serviceKey).insert({
      id: row.id,
      workspace_id: row.workspaceId,
      name: row.name,
      key_hash: row.keyHash,
      prefix: row.prefix,
      scope: row.scope,
      parent_key_id: row.parentKeyId,
      created_by: row.createdBy,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      last_used_at: row.lastUsedAt,
      revoked_at: row.revokedAt,
    });

    return true;
  });
}

async function links(trx: Knex.Transaction, workspaceId: string): Promise<TKeyLink[]> {
  const rows = (await trx(TABLE.serviceKey).where({ workspace_id: workspaceId }).select('id', 'parent_key_id', 'revoked_at')) as Record<
    string,
    unknown
  >[];

  return rows.map((r) => ({ id: String(r.id), parentKeyId: (r.parent_key_id as string | null) ?? null, revoked: r.revoked_at !== null }));
}

export type TRevokeTree = {
  id: string;
  now: number;
  /** Called in the transaction with the workspace's keys before anything is written; throwing refuses. */
  authorize: (keys: TKeyLink[]) => void;
  /** The live keys below `id` among `keys` (the caller's definition of the tree). */
  liveDescendants: (keys: TKeyLink[], id: string) => string[];
};

/**
 * Revokes a key, then its live descendants round after round until none is left, in one transaction: the
 * target is updated first (taking its row lock), so a child minted concurrently is caught by the next round
 * or refused by its mint. Returns the descendants it revoked.
 */
export async function revokeKeyTree(db: TDatabase, workspaceId: string, args: TRevokeTree): Promise<string[]> {
  const alsoRevoked: string[] = [];
  await db.knex().transaction(async (trx) => {
    args.authorize(await links(trx, workspaceId));
    await trx(TABLE.serviceKey).where({ workspace_id: workspaceId, id: args.id }).update({ revoked_at: args.now });
    for (;;) {
      const live = args.liveDescendants(await links(trx, workspaceId), args.id);
      if (live.length === 0) break;
      await trx(TABLE.serviceKey).where({ workspace_id: workspaceId }).whereIn('id', live).update({ revoked_at: args.now });
      alsoRevoked.push(...live);
    }
  });

  return alsoRevoked;
}
